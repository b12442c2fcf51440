import type { PersonView } from '@kampung/domain/household';

/** The head of the family card (KEPALA_KELUARGA), or the first member when none is marked. */
export function headOf(members: readonly PersonView[]): PersonView | undefined {
  return members.find((m) => m.relation === 'KEPALA_KELUARGA') ?? members[0];
}
