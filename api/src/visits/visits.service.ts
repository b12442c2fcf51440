import { assignmentsRepository, audited, casesRepository, visitsRepository } from '@kampung/db';
import { ROLE_REACH, visitRequestSchema } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { nowOf, type CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { actionId } from '../http/action-id';
import { parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';

/** Logs a visit: the record goes to PostgreSQL, then the assignment's cadence is asked (an Update)
 * to close its open obligation with it; the cadence writes the obligation's status and counts the
 * next one from the visit. A visit the cadence refuses is removed again and the refusal answered.
 * With an Idempotency-Key, a retry of the same action finds its visit and gets the first outcome. */
export async function logVisit(
  deps: CaseDeps,
  caseId: string,
  input: unknown,
  user: SessionUser,
  source: AuditSource,
  idempotencyKey?: string,
) {
  const request = parseInput(visitRequestSchema, input);
  const assignment = await assignmentsRepository.findAssignment(deps.db, request.assignmentId);
  if (!assignment || assignment.case_id !== caseId) {
    throw new AppError('NOT_FOUND', `No assignment ${request.assignmentId} on case ${caseId}`);
  }
  // Mentors and architects log their own visits only; Dinas Sosial staff may log one for them.
  if (ROLE_REACH[user.role] === 'ASSIGNED' && assignment.user_id !== user.id) {
    throw new AppError('FORBIDDEN', 'You can log visits only on your own assignment');
  }
  const id = actionId(idempotencyKey, { userId: user.id, kind: 'visit' });
  const answer = (obligationId: string, visitedAt: Date) =>
    ({ id, caseId, assignmentId: assignment.id, visitedAt: visitedAt.toISOString(), fulfilledObligationId: obligationId });
  const earlier = await visitsRepository.findVisit(deps.db, id);
  // The same action again after its answer was lost: the first outcome.
  if (earlier?.obligation_id) return answer(earlier.obligation_id, earlier.visited_at);

  if (assignment.ended_at) {
    throw new AppError('ASSIGNMENT_ENDED', `The assignment ended on ${assignment.ended_at.toISOString()}; log the visit on the current one`);
  }
  const kampung = await casesRepository.findCaseSummary(deps.db, caseId);
  if (kampung?.stage === 'ON_HOLD') {
    throw new AppError('CASE_ON_HOLD', `The case is on hold since ${kampung.stage_entered_at.toISOString()}; its visits wait for the resume`);
  }
  const visitedAt = new Date(request.visitedOn);
  if (visitedAt.getTime() > nowOf(deps).getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', 'A visit cannot be in the future', [{ path: 'visitedOn', message: 'in the future' }]);
  }

  const entry = { actorId: user.id, subjectType: 'visit', subjectId: id, caseId, ...source };
  if (!earlier) {
    await audited(
      deps.db,
      { ...entry, action: 'VISIT_LOGGED', after: { assignmentId: assignment.id, visitorId: assignment.user_id, visitedAt: visitedAt.toISOString(), kind: request.kind, attendees: request.attendees, notes: request.notes, followUps: request.followUps } },
      (trx) => visitsRepository.insertVisit(trx, {
        id,
        caseId,
        assignmentId: assignment.id,
        visitorId: assignment.user_id,
        visitedAt,
        kind: request.kind,
        notes: request.notes,
        attendees: request.attendees,
        followUps: request.followUps,
      }),
    );
  }
  try {
    const { obligationId } = await gateway.logVisit(deps, assignment.id, { visitId: id, visitedAt: visitedAt.toISOString() });
    await visitsRepository.linkObligation(deps.db, id, obligationId);
    return answer(obligationId, visitedAt);
  } catch (error) {
    // Refused, or no answer: the visit goes again, so nothing is left half-written; the same
    // action sent again (same key: same visit id and Update id) gets the outcome.
    await audited(deps.db, { ...entry, action: 'VISIT_UNDONE', reason: error instanceof AppError ? error.code : 'UNKNOWN' }, (trx) =>
      visitsRepository.deleteVisit(trx, id));
    throw error;
  }
}
