import { audited, obligationsRepository } from '@kampung/db';
import { isOpenStatus, waiverRequestSchema } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import { nowOf, type CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { actionId } from '../http/action-id';
import { isUuid, parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';

/** An officer waives an open obligation with a reason. The reason is stored first; then the
 * workflow that owns the obligation is asked (an Update) to waive it: a visit's cadence goes on
 * counting from now, a case-level obligation stops being timed (a waived evaluation during
 * implementation is followed by the next one). A refusal takes the reason back. */
export async function waiveObligation(deps: CaseDeps, obligationId: string, input: unknown, userId: string, source: AuditSource, idempotencyKey?: string) {
  const { reason } = parseInput(waiverRequestSchema, input);
  const obligation = isUuid(obligationId) ? await obligationsRepository.findObligation(deps.db, obligationId) : undefined;
  if (!obligation) throw new AppError('NOT_FOUND', `No obligation ${obligationId}`);
  const answer = (o: NonNullable<typeof obligation>) => ({ id: obligationId, status: o.status, waivedReason: o.waived_reason });
  if (!isOpenStatus(obligation.status)) {
    // The same waiver again after its answer was lost: the first outcome.
    if (obligation.status === 'WAIVED' && obligation.waived_by === userId && obligation.waived_reason === reason) return answer(obligation);
    throw new AppError('OBLIGATION_CLOSED', `The obligation is ${obligation.status} since ${obligation.status_changed_at.toISOString()}; only an open obligation can be waived`);
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
  await audited(deps.db, { ...entry, action: 'OBLIGATION_WAIVED', after: { status: 'WAIVED' } }, (trx) =>
    obligationsRepository.setWaiverReason(trx, obligationId, reason, userId));
  const waivedAt = nowOf(deps).toISOString();
  const updateId = `waive-${actionId(idempotencyKey, { userId, kind: `waiver:${obligationId}` })}`;
  try {
    if (obligation.kind === 'VISIT') {
      await gateway.waiveVisit(deps, obligation.assignment_id!, { obligationId, waivedAt }, updateId);
    } else {
      await gateway.closeCaseObligation(deps, obligation.case_id, { obligationId, how: 'WAIVER', at: waivedAt, actorId: userId }, updateId);
    }
  } catch (error) {
    await audited(deps.db, { ...entry, action: 'OBLIGATION_WAIVER_UNDONE', reason: error instanceof AppError ? error.code : 'UNKNOWN' }, (trx) =>
      obligationsRepository.setWaiverReason(trx, obligationId, null, null));
    throw error;
  }
  return answer((await obligationsRepository.findObligation(deps.db, obligationId))!);
}
