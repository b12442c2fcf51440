import type { ActivityRequest } from '@kampung/domain/activity';

/** The activity form as typed: numbers as text, sessions as rows. */
export interface ActivityDraft {
  agencyCode: string;
  title: string;
  kind: ActivityRequest['kind'] | '';
  quota: string;
  budget: string;
  budgetSource: ActivityRequest['budgetSource'];
  sponsor: string;
  sessions: { date: string; topic: string }[];
}

export const emptySession = () => ({ date: '', topic: '' });

export function emptyDraft(agencyCode = ''): ActivityDraft {
  return { agencyCode, title: '', kind: '', quota: '', budget: '', budgetSource: 'APBD', sponsor: '', sessions: [emptySession()] };
}

/** A number typed, or undefined when left blank (the schema then says it is required). */
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The request to check with `activityRequestSchema`: a sponsor only for a CSR budget. */
export function toRequest(draft: ActivityDraft) {
  return {
    agencyCode: draft.agencyCode,
    title: draft.title,
    kind: draft.kind || undefined,
    quota: numberOf(draft.quota),
    budget: numberOf(draft.budget),
    budgetSource: draft.budgetSource,
    sponsor: draft.budgetSource === 'CSR' && draft.sponsor.trim() ? draft.sponsor : null,
    sessions: draft.sessions,
  };
}
