import { randomUUID } from 'node:crypto';
import { assignmentsRepository, casesRepository, usersRepository } from '@kampung/db';
import { assignmentRequestSchema, isEndStage, type Assignment, type AssignmentRole, type Stage } from '@kampung/domain';
import { visitCadenceWorkflowId } from '@kampung/workflows';
import type { CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

/** Kampung Tematik: IAI architects serve a kecamatan, two per kecamatan (Arsitek Masuk Kampung). */
const IAI_PER_KECAMATAN = 2;

type AssignmentRow = NonNullable<Awaited<ReturnType<typeof assignmentsRepository.findAssignment>>>;

export function assignmentRowToAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    caseId: row.case_id,
    user: { id: row.user_id, name: row.user_name },
    role: row.role as AssignmentRole,
    lead: row.is_lead,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

/** Assigns a person to a kampung and starts the durable visit cadence of the assignment. */
export async function assign(deps: CaseDeps, caseId: string, input: unknown, actorId: string): Promise<Assignment> {
  const request = parseInput(assignmentRequestSchema, input);
  const kampung = isUuid(caseId) ? await casesRepository.findCaseSummary(deps.db, caseId) : undefined;
  if (!kampung) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  if (isEndStage(kampung.stage as Stage)) throw new AppError('CONFLICT', `The case has ended (${kampung.stage})`);
  if (!(await usersRepository.findUserById(deps.db, request.userId))) {
    throw new AppError('VALIDATION_FAILED', 'No such user', [{ path: 'userId', message: 'unknown user' }]);
  }
  if (kampung.program_code === 'KAMPUNG_TEMATIK' && request.role === 'IAI_ARCHITECT') {
    const serving = await assignmentsRepository.activeUsersInKecamatan(deps.db, kampung.kecamatan_code, 'IAI_ARCHITECT');
    if (!serving.includes(request.userId) && serving.length >= IAI_PER_KECAMATAN) {
      throw new AppError(
        'CONFLICT',
        `Kecamatan ${kampung.kecamatan_name} already has ${IAI_PER_KECAMATAN} IAI architects; a third is not allowed`,
      );
    }
  }

  const id = randomUUID();
  await assignmentsRepository.insertAssignment(deps.db, {
    id,
    caseId,
    userId: request.userId,
    role: request.role,
    lead: request.lead,
    kecamatanCode: kampung.kecamatan_code,
    createdBy: actorId,
  });
  try {
    await deps.temporal.workflow.start('visitCadenceWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId: visitCadenceWorkflowId(id),
      args: [{ assignmentId: id, seq: 1, from: new Date().toISOString() }],
    });
  } catch (error) {
    await assignmentsRepository.deleteAssignment(deps.db, id);
    throw new AppError('SERVICE_UNAVAILABLE', `The assignment could not be started: ${(error as Error).message}`);
  }
  const row = await assignmentsRepository.findAssignment(deps.db, id);
  return assignmentRowToAssignment(row!);
}

export async function listAssignments(deps: CaseDeps, caseId: string): Promise<Assignment[]> {
  if (!isUuid(caseId) || !(await casesRepository.findCaseSummary(deps.db, caseId))) {
    throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  }
  return (await assignmentsRepository.listCaseAssignments(deps.db, caseId)).map(assignmentRowToAssignment);
}
