import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { assignmentsRepository, audited, casesRepository, visitsRepository } from '@kampung/db';
import { ROLE_REACH } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { visitRequestSchema } from '@kampung/domain';
import { visitCadenceWorkflowId, visitLoggedUpdate } from '@kampung/workflows';
import type { CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

/** Logs a visit: the record goes to PostgreSQL, then the assignment's cadence is told, which fulfils
 * its open obligation and counts the next one from the visit date. A refused visit is removed again. */
export async function logVisit(deps: CaseDeps, caseId: string, input: unknown, user: SessionUser, source: AuditSource) {
  const request = parseInput(visitRequestSchema, input);
  const assignment = await assignmentsRepository.findAssignment(deps.db, request.assignmentId);
  if (!assignment || assignment.case_id !== caseId) {
    throw new AppError('NOT_FOUND', `No assignment ${request.assignmentId} on case ${caseId}`);
  }
  // Mentors and architects log their own visits only; Dinas Sosial staff may log one for them.
  if (ROLE_REACH[user.role] === 'ASSIGNED' && assignment.user_id !== user.id) {
    throw new AppError('FORBIDDEN', 'You can log visits only on your own assignment');
  }
  if (assignment.ended_at) throw new AppError('CONFLICT', 'The assignment has ended; log the visit on the current one');
  const kampung = await casesRepository.findCaseSummary(deps.db, caseId);
  if (kampung?.stage === 'ON_HOLD') throw new AppError('CONFLICT', 'The case is on hold; its visits wait for the resume');
  const visitedAt = new Date(request.visitedOn);
  if (visitedAt.getTime() > Date.now() + 60_000) {
    throw new AppError('VALIDATION_FAILED', 'A visit cannot be in the future', [{ path: 'visitedOn', message: 'in the future' }]);
  }

  const id = randomUUID();
  const entry = { actorId: user.id, subjectType: 'visit', subjectId: id, caseId, ...source };
  const visit = {
    id,
    caseId,
    assignmentId: assignment.id,
    visitorId: assignment.user_id,
    visitedAt,
    kind: request.kind,
    notes: request.notes,
    attendees: request.attendees,
    followUps: request.followUps,
  };
  await audited(
    deps.db,
    { ...entry, action: 'VISIT_LOGGED', after: { assignmentId: assignment.id, visitorId: assignment.user_id, visitedAt: visitedAt.toISOString(), kind: request.kind, attendees: request.attendees, notes: request.notes, followUps: request.followUps } },
    (trx) => visitsRepository.insertVisit(trx, visit),
  );
  try {
    const { obligationId } = await deps.temporal.workflow
      .getHandle(visitCadenceWorkflowId(assignment.id))
      .executeUpdate(visitLoggedUpdate, { args: [{ visitId: id, visitedAt: visitedAt.toISOString() }] });
    return { id, caseId, assignmentId: assignment.id, visitedAt: visitedAt.toISOString(), fulfilledObligationId: obligationId };
  } catch (error) {
    await audited(deps.db, { ...entry, action: 'VISIT_UNDONE', reason: 'The visit cadence did not take the visit' }, (trx) => visitsRepository.deleteVisit(trx, id));
    if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
      throw new AppError('CONFLICT', 'This assignment has no visit cadence running (ended, or no cadence for its role)');
    }
    throw new AppError('SERVICE_UNAVAILABLE', 'The workflow service did not take the visit; try again shortly');
  }
}
