import { randomUUID } from 'node:crypto';
import { assignmentsRepository, audited, casesRepository, usersRepository } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import {
  ASSIGNMENT_HOLDERS,
  assignmentEndRequestSchema,
  assignmentRequestSchema,
  caseObligationKindsFor,
  handoverRequestSchema,
  isEndStage,
  type Assignment,
  type AssignmentRole,
  type Stage,
  type UserRole,
} from '@kampung/domain';
import { nowOf, type CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';

/** Kampung Tematik: IAI architects serve a kecamatan, two per kecamatan (Arsitek Masuk Kampung). */
const IAI_PER_KECAMATAN = 2;

type AssignmentRow = NonNullable<Awaited<ReturnType<typeof assignmentsRepository.findAssignment>>>;
type HandoverRow = Awaited<ReturnType<typeof assignmentsRepository.listHandovers>>[number];

export function assignmentRowToAssignment(row: AssignmentRow, handovers: HandoverRow[] = []): Assignment {
  return {
    id: row.id,
    caseId: row.case_id,
    user: { id: row.user_id, name: row.user_name },
    role: row.role as AssignmentRole,
    lead: row.is_lead,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    handovers: handovers
      .filter((h) => h.assignment_id === row.id)
      .map((h) => ({
        id: h.id,
        from: { id: h.from_user_id, name: h.from_name },
        to: { id: h.to_user_id, name: h.to_name },
        reason: h.reason,
        movedObligations: h.moved_obligations,
        by: h.by_user_id ? { id: h.by_user_id, name: h.by_name ?? '' } : null,
        at: h.at.toISOString(),
      })),
  };
}

async function findCase(deps: CaseDeps, caseId: string) {
  const kampung = isUuid(caseId) ? await casesRepository.findCaseSummary(deps.db, caseId) : undefined;
  if (!kampung) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  return kampung;
}

/** Kampung Tematik: IAI architects serve a kecamatan, two per kecamatan (Arsitek Masuk Kampung). */
async function checkIaiQuota(deps: CaseDeps, kampung: Awaited<ReturnType<typeof findCase>>, role: string, userId: string) {
  if (kampung.program_code !== 'KAMPUNG_TEMATIK' || role !== 'IAI_ARCHITECT') return;
  const serving = await assignmentsRepository.activeUsersInKecamatan(deps.db, kampung.kecamatan_code, 'IAI_ARCHITECT');
  if (!serving.includes(userId) && serving.length >= IAI_PER_KECAMATAN) {
    throw new AppError(
      'CONFLICT',
      `Kecamatan ${kampung.kecamatan_name} already has ${IAI_PER_KECAMATAN} IAI architects; a third is not allowed`,
    );
  }
}

/** Only a user whose role may hold the position (ASSIGNMENT_HOLDERS): a mentor's position goes to
 * a mentor, the committee contact to a committee member. */
async function checkHolder(deps: CaseDeps, position: AssignmentRole, userId: string, path: string) {
  const user = await usersRepository.findUserById(deps.db, userId);
  if (!user || user.deactivated_at) throw new AppError('VALIDATION_FAILED', 'No such user', [{ path, message: 'unknown user' }]);
  if (!ASSIGNMENT_HOLDERS[position].includes(user.role as UserRole)) {
    throw new AppError('VALIDATION_FAILED', `A ${user.role} cannot hold the ${position} position`, [
      { path, message: `role ${user.role} cannot hold ${position}` },
    ]);
  }
}

/** Assigns a person to a kampung and starts the durable visit cadence of the assignment. */
/** `startedAt` is for the demo data only (an assignment that began weeks ago); the API never sets it. */
export async function assign(
  deps: CaseDeps,
  caseId: string,
  input: unknown,
  actorId: string,
  { startedAt, source = {} }: { startedAt?: Date; source?: AuditSource } = {},
): Promise<Assignment> {
  const request = parseInput(assignmentRequestSchema, input);
  const kampung = await findCase(deps, caseId);
  if (isEndStage(kampung.stage as Stage)) throw new AppError('CONFLICT', `The case has ended (${kampung.stage})`);
  await checkHolder(deps, request.role, request.userId, 'userId');
  await checkIaiQuota(deps, kampung, request.role, request.userId);

  const id = randomUUID();
  const entry = { actorId, subjectType: 'assignment', subjectId: id, caseId, ...source };
  await audited(deps.db, { ...entry, action: 'ASSIGNMENT_CREATED', after: { userId: request.userId, role: request.role, lead: request.lead } }, (trx) => assignmentsRepository.insertAssignment(trx, {
    id,
    caseId,
    userId: request.userId,
    role: request.role,
    lead: request.lead,
    kecamatanCode: kampung.kecamatan_code,
    createdBy: actorId,
    // The database's clock unless the demo data or a simulated clock says when.
    startedAt: startedAt ?? deps.now?.(),
  }));
  const started = await assignmentsRepository.findAssignment(deps.db, id);
  try {
    await gateway.startVisitCadence(deps, {
      assignmentId: id,
      seq: 1,
      from: started!.started_at.toISOString(),
      // A case on hold: the cadence starts paused and counts from the resume.
      heldAt: kampung.stage === 'ON_HOLD' ? started!.started_at.toISOString() : null,
      stageSeq: kampung.stage_seq,
    });
  } catch (error) {
    await audited(deps.db, { ...entry, action: 'ASSIGNMENT_UNDONE', reason: 'The visit cadence could not be started' }, (trx) =>
      assignmentsRepository.deleteAssignment(trx, id));
    throw error;
  }
  await assignmentsRepository.claimUnassignedObligations(deps.db, caseId, id, request.userId, caseObligationKindsFor(request.role));
  return assignmentRowToAssignment(started!);
}

/** Reassignment: the position keeps its id, cadence and history; the new person takes its open
 * obligations, and the handover (who, to whom, why, by whom, when) is kept. */
export async function handOver(deps: CaseDeps, caseId: string, assignmentId: string, input: unknown, actorId: string, source: AuditSource): Promise<Assignment> {
  const request = parseInput(handoverRequestSchema, input);
  const kampung = await findCase(deps, caseId);
  const assignment = isUuid(assignmentId) ? await assignmentsRepository.findAssignment(deps.db, assignmentId) : undefined;
  if (!assignment || assignment.case_id !== caseId) throw new AppError('NOT_FOUND', `No assignment ${assignmentId} on case ${caseId}`);
  if (assignment.ended_at) throw new AppError('CONFLICT', 'The assignment has ended');
  if (isEndStage(kampung.stage as Stage)) throw new AppError('CONFLICT', `The case has ended (${kampung.stage})`);
  await checkHolder(deps, assignment.role as AssignmentRole, request.toUserId, 'toUserId');
  if (request.toUserId === assignment.user_id) {
    throw new AppError('VALIDATION_FAILED', 'The person already holds this assignment', [{ path: 'toUserId', message: 'same person' }]);
  }
  await checkIaiQuota(deps, kampung, assignment.role, request.toUserId);
  const handoverId = randomUUID();
  await audited(deps.db, (moved) => ({
    actorId,
    action: 'ASSIGNMENT_HANDED_OVER',
    subjectType: 'assignment',
    subjectId: assignmentId,
    caseId,
    before: { userId: assignment.user_id },
    after: { userId: request.toUserId, movedObligations: moved },
    reason: request.reason,
    ...source,
  }), (trx) => assignmentsRepository.handOver(trx, {
    id: handoverId,
    assignmentId,
    fromUserId: assignment.user_id,
    toUserId: request.toUserId,
    reason: request.reason,
    byUserId: actorId,
  }));
  const after = await assignmentsRepository.findAssignment(deps.db, assignmentId);
  return assignmentRowToAssignment(after!, await assignmentsRepository.listHandovers(deps.db, [assignmentId]));
}

/** The end of an assignment (a mentor leaves the program, the team changes): when, why and by whom
 * are recorded with its case-level obligations passed to the next responsible person; then its visit
 * cadence is asked to cancel the open visit obligation and complete. Sent again, it finishes what a
 * lost answer left undone and changes nothing more. */
export async function endAssignment(deps: CaseDeps, caseId: string, assignmentId: string, input: unknown, actorId: string, source: AuditSource): Promise<Assignment> {
  const { reason } = parseInput(assignmentEndRequestSchema, input);
  await findCase(deps, caseId);
  const assignment = isUuid(assignmentId) ? await assignmentsRepository.findAssignment(deps.db, assignmentId) : undefined;
  if (!assignment || assignment.case_id !== caseId) throw new AppError('NOT_FOUND', `No assignment ${assignmentId} on case ${caseId}`);
  if (assignment.ended_at && assignment.end_reason !== reason) {
    throw new AppError('ASSIGNMENT_ENDED', `The assignment ended on ${assignment.ended_at.toISOString()}`);
  }
  const at = assignment.ended_at ?? nowOf(deps);
  if (!assignment.ended_at) {
    await audited(deps.db, (e: { ended: boolean; movedObligations: number } | undefined) => e?.ended ? {
      actorId,
      action: 'ASSIGNMENT_ENDED',
      subjectType: 'assignment',
      subjectId: assignmentId,
      caseId,
      before: { userId: assignment.user_id, role: assignment.role },
      after: { endedAt: at.toISOString(), movedObligations: e.movedObligations },
      reason,
      ...source,
    } : null, (trx) => assignmentsRepository.endAssignment(trx, { id: assignmentId, caseId, reason, byUserId: actorId, at }));
  }
  // Recorded first: should Temporal not answer now, the same request again (or the reconciler) ends the cadence.
  await gateway.endAssignment(deps, assignmentId, at.toISOString());
  const after = await assignmentsRepository.findAssignment(deps.db, assignmentId);
  return assignmentRowToAssignment(after!, await assignmentsRepository.listHandovers(deps.db, [assignmentId]));
}

export async function listAssignments(deps: CaseDeps, caseId: string): Promise<Assignment[]> {
  await findCase(deps, caseId);
  const rows = await assignmentsRepository.listCaseAssignments(deps.db, caseId);
  const handovers = await assignmentsRepository.listHandovers(deps.db, rows.map((r) => r.id));
  return rows.map((row) => assignmentRowToAssignment(row, handovers));
}
