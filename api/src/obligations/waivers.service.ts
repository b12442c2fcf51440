import { WorkflowUpdateFailedError } from '@temporalio/client';
import { audited, obligationsRepository } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import { OPEN_OBLIGATION_STATUSES, waiverRequestSchema, type ObligationStatus } from '@kampung/domain';
import { caseObligationsWorkflowId, obligationClosedSignal, visitCadenceWorkflowId, waiveObligationUpdate } from '@kampung/workflows';
import type { CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

/** An officer waives an open obligation with a reason. A visit's cadence goes on from now; a
 * case-level obligation is WAIVED at once and its workflow stops timing it. */
export async function waiveObligation(deps: CaseDeps, obligationId: string, input: unknown, userId: string, source: AuditSource) {
  const { reason } = parseInput(waiverRequestSchema, input);
  const obligation = isUuid(obligationId) ? await obligationsRepository.findObligation(deps.db, obligationId) : undefined;
  if (!obligation) throw new AppError('NOT_FOUND', `No obligation ${obligationId}`);
  if (!OPEN_OBLIGATION_STATUSES.includes(obligation.status as ObligationStatus)) {
    throw new AppError('CONFLICT', `The obligation is ${obligation.status}; only an open obligation can be waived`);
  }
  const entry = {
    actorId: userId,
    subjectType: 'obligation',
    subjectId: obligationId,
    caseId: obligation.case_id,
    before: { status: obligation.status, kind: obligation.kind, dueAt: obligation.due_at.toISOString() },
    reason,
    ...source,
  };
  if (obligation.kind !== 'VISIT') {
    await audited(deps.db, { ...entry, action: 'OBLIGATION_WAIVED', after: { status: 'WAIVED' } }, (trx) =>
      obligationsRepository.waiveCaseObligation(trx, obligationId, reason, userId));
    await deps.temporal.workflow
      .getHandle(caseObligationsWorkflowId(obligation.case_id))
      .signal(obligationClosedSignal, { obligationId, at: new Date().toISOString() })
      .catch(() => undefined); // its next timer finds it WAIVED and changes nothing
  } else {
    await audited(deps.db, { ...entry, action: 'OBLIGATION_WAIVED', after: { status: 'WAIVED' } }, (trx) =>
      obligationsRepository.setWaiverReason(trx, obligationId, reason, userId));
    try {
      await deps.temporal.workflow
        .getHandle(visitCadenceWorkflowId(obligation.assignment_id!))
        .executeUpdate(waiveObligationUpdate, { args: [{ obligationId, waivedAt: new Date().toISOString() }] });
    } catch (error) {
      await audited(deps.db, { ...entry, action: 'OBLIGATION_WAIVER_UNDONE', reason: 'The visit cadence did not take the waiver' }, (trx) =>
        obligationsRepository.setWaiverReason(trx, obligationId, null, null));
      if (error instanceof WorkflowUpdateFailedError) {
        throw new AppError('CONFLICT', 'The obligation is no longer the open one of its assignment');
      }
      throw new AppError('SERVICE_UNAVAILABLE', 'The workflow service did not take the waiver; try again shortly');
    }
  }
  const after = await obligationsRepository.findObligation(deps.db, obligationId);
  return { id: obligationId, status: after!.status, waivedReason: after!.waived_reason };
}
