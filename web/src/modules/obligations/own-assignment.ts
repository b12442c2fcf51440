import type { Assignment } from '@kampung/domain/obligation';

/** The signed-in user's own active position on a case's team (the lead one first), if they hold
 * one: the visit they log from the case page or the worklist belongs to it. */
export function ownAssignment(assignments: readonly Assignment[], userId: string): Assignment | undefined {
  const mine = assignments.filter((a) => a.user.id === userId && !a.endedAt);
  return mine.find((a) => a.lead) ?? mine[0];
}
