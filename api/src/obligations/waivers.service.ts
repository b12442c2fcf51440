import { WorkflowUpdateFailedError } from '@temporalio/client';
import { obligationsRepository } from '@kampung/db';
import { OPEN_OBLIGATION_STATUSES, waiverRequestSchema, type ObligationStatus } from '@kampung/domain';
import { caseObligationsWorkflowId, obligationClosedSignal, visitCadenceWorkflowId, waiveObligationUpdate } from '@kampung/workflows';
import type { CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

/** An officer waives an open obligation with a reason. A visit's cadence goes on from now; a
 * case-level obligation is WAIVED at once and its workflow stops timing it. */
export async function waiveObligation(deps: CaseDeps, obligationId: string, input: unknown, userId: string) {
  const { reason } = parseInput(waiverRequestSchema, input);
  const obligation = isUuid(obligationId) ? await obligationsRepository.findObligation(deps.db, obligationId) : undefined;
  if (!obligation) throw new AppError('NOT_FOUND', `No obligation ${obligationId}`);
  if (!OPEN_OBLIGATION_STATUSES.includes(obligation.status as ObligationStatus)) {
    throw new AppError('CONFLICT', `The obligation is ${obligation.status}; only an open obligation can be waived`);
  }
  if (obligation.kind !== 'VISIT') {
    await obligationsRepository.waiveCaseObligation(deps.db, obligationId, reason, userId);
    await deps.temporal.workflow
      .getHandle(caseObligationsWorkflowId(obligation.case_id))
      .signal(obligationClosedSignal, { obligationId, at: new Date().toISOString() })
      .catch(() => undefined); // its next timer finds it WAIVED and changes nothing
  } else {
    await obligationsRepository.setWaiverReason(deps.db, obligationId, reason, userId);
    try {
      await deps.temporal.workflow
        .getHandle(visitCadenceWorkflowId(obligation.assignment_id!))
        .executeUpdate(waiveObligationUpdate, { args: [{ obligationId, waivedAt: new Date().toISOString() }] });
    } catch (error) {
      await obligationsRepository.setWaiverReason(deps.db, obligationId, null, null);
      if (error instanceof WorkflowUpdateFailedError) {
        throw new AppError('CONFLICT', 'The obligation is no longer the open one of its assignment');
      }
      throw new AppError('SERVICE_UNAVAILABLE', 'The workflow service did not take the waiver; try again shortly');
    }
  }
  const after = await obligationsRepository.findObligation(deps.db, obligationId);
  return { id: obligationId, status: after!.status, waivedReason: after!.waived_reason };
}
