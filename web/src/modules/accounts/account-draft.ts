import type { UserRole } from '@kampung/domain/access';
import type { UserAccount, UserChange } from '@kampung/domain/accounts';

/** The account form as typed: the invitation's fields, or an account's to change. */
export interface AccountDraft {
  email: string;
  name: string;
  role: UserRole | '';
  programCodes: string[];
  kecamatanCodes: string[];
  /** Only for agency staff (AGENCY_STAFF); ignored for other roles. */
  agencyCode: string;
}

export const EMPTY_DRAFT: AccountDraft = { email: '', name: '', role: '', programCodes: [], kecamatanCodes: [], agencyCode: '' };

export function draftOf(account: UserAccount): AccountDraft {
  return {
    email: account.email,
    name: account.name,
    role: account.role,
    programCodes: [...account.programCodes],
    kecamatanCodes: [...account.kecamatanCodes],
    agencyCode: account.agencyCode ?? '',
  };
}

const agencyOf = (draft: AccountDraft) => (draft.role === 'AGENCY_STAFF' ? draft.agencyCode.trim() || null : null);

/** The invitation to send (`userInviteSchema` checks it). */
export function toInvite(draft: AccountDraft) {
  return {
    email: draft.email,
    name: draft.name,
    role: draft.role,
    programCodes: draft.programCodes,
    kecamatanCodes: draft.kecamatanCodes,
    agencyCode: agencyOf(draft),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what differs from the account (the audit log records each change's before and after). */
export function toChange(draft: AccountDraft, account: UserAccount): UserChange {
  const change: UserChange = {};
  if (draft.name.trim() !== account.name) change.name = draft.name;
  if (draft.role && draft.role !== account.role) change.role = draft.role;
  if (!sameSet(draft.programCodes, account.programCodes)) change.programCodes = draft.programCodes;
  if (!sameSet(draft.kecamatanCodes, account.kecamatanCodes)) change.kecamatanCodes = draft.kecamatanCodes;
  if (agencyOf(draft) !== account.agencyCode) change.agencyCode = agencyOf(draft);
  return change;
}

/** The kecamatan still within the chosen programs' cities (a kecamatan code starts with its
 * city's: 33.74.08 lies in 33.74). */
export function keepKecamatanOf(kecamatanCodes: readonly string[], cityCodes: readonly string[]): string[] {
  return kecamatanCodes.filter((code) => cityCodes.some((city) => code.startsWith(`${city}.`)));
}
