import type { CaseProposalInput } from '@kampung/domain/case-proposal';
import type { FieldErrors } from '../../../lib/validation';

/** What the proposal form holds: text as typed, converted on submit. */
export const EMPTY_DRAFT = {
  programCode: '',
  kecamatanCode: '',
  kelurahanCode: '',
  rw: '',
  name: '',
  theme: '',
  households: '',
  poorHouseholds: '',
  potentials: '',
  problems: '',
  proposerName: '',
  organisation: '',
};
export type ProposalDraft = typeof EMPTY_DRAFT;
export type DraftField = keyof ProposalDraft;

/** Where the API reports each field's problems. */
export const API_PATHS: Record<DraftField, string> = {
  programCode: 'programCode',
  kecamatanCode: 'kecamatan',
  kelurahanCode: 'kelurahanCode',
  rw: 'rw',
  name: 'name',
  theme: 'theme',
  households: 'profile.households',
  poorHouseholds: 'profile.poorHouseholds',
  potentials: 'profile.potentials',
  problems: 'profile.problems',
  proposerName: 'proposer.name',
  organisation: 'proposer.organisation',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const count = (text: string) => (text.trim() === '' ? undefined : Number(text));
const chosen = (code: string) => code || undefined;

export function toProposal(d: ProposalDraft): CaseProposalInput {
  return {
    name: d.name,
    theme: d.theme,
    programCode: d.programCode as CaseProposalInput['programCode'],
    kelurahanCode: chosen(d.kelurahanCode) as string,
    rw: d.rw,
    profile: {
      households: count(d.households) as number,
      poorHouseholds: count(d.poorHouseholds) as number,
      potentials: lines(d.potentials),
      problems: lines(d.problems),
    },
    proposer: { name: d.proposerName, organisation: d.organisation },
  };
}

/** The error for a field, including errors on its items (`profile.potentials.2`). */
export function errorFor(errors: FieldErrors, field: DraftField): string | undefined {
  const path = API_PATHS[field];
  const key = Object.keys(errors).find((p) => p === path || p.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

/** Paths shown beside a field; anything else goes in the alert. */
export function isShownPath(path: string): boolean {
  return Object.values(API_PATHS).some((p) => path === p || path.startsWith(`${p}.`));
}
