import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { casesRepository, isCaseInReachQuery, regionsRepository, transitionRequestsRepository, type Db } from '@kampung/db';
import {
  allowedTransitions,
  caseListQuerySchema,
  caseReach,
  mayTransition,
  type CaseReach,
  type ChainStage,
  caseProposalSchema,
  isEndStage,
  kecamatanOf,
  transitionDataSchema,
  transitionRequestSchema,
  type CaseDetail,
  type CasePage,
  type Stage,
} from '@kampung/domain';
import { caseWorkflowId } from '@kampung/workflows';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/sessions.service';
import type { AuditSource } from '../audit/audit.service';
import { actionId } from '../http/action-id';
import { isUuid, parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';
import { caseRowToDetail, caseRowToListItem } from './case-mappers';

export interface CaseDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The clock the use-cases read (what "now" and "in the future" mean); the real clock unless a
   * test runs them in simulated time (the time-skipping server's). */
  now?: () => Date;
}

/** The use-cases' "now": the deps' clock, or the real one. */
export function nowOf(deps: Pick<CaseDeps, 'now'>): Date {
  return deps.now?.() ?? new Date();
}

/** A kelurahan proposes a kampung: the record goes to PostgreSQL, the case workflow starts with ids
 * only. If the workflow cannot start, the record is removed again: nothing is half-written. */
export async function proposeCase(deps: CaseDeps, input: unknown, user: SessionUser, source: AuditSource = {}): Promise<CaseDetail> {
  const actorId = user.id;
  const proposal = parseInput(caseProposalSchema, input);
  const program = await regionsRepository.findProgram(deps.db, proposal.programCode);
  if (!program) throw new AppError('UNKNOWN_PROGRAM', `Program ${proposal.programCode} does not exist`);
  const kelurahan = await regionsRepository.findKelurahan(deps.db, proposal.kelurahanCode);
  if (!kelurahan) throw new AppError('UNKNOWN_REGION', `Kelurahan ${proposal.kelurahanCode} does not exist`);
  if (kelurahan.city_code !== program.city_code) {
    throw new AppError('REGION_NOT_IN_PROGRAM', `Kelurahan ${kelurahan.name} is outside the program's city`);
  }

  const id = randomUUID();
  const workflowId = caseWorkflowId(id);
  const kecamatanCode = kecamatanOf(proposal.kelurahanCode);
  if (!withinRegion(caseReach(user), proposal.programCode, kecamatanCode)) {
    throw new AppError('FORBIDDEN', 'This kelurahan is outside the programs or kecamatan you work in');
  }
  await casesRepository.insertProposedCase(deps.db, {
    id,
    workflow_id: workflowId,
    program_code: proposal.programCode,
    kelurahan_code: proposal.kelurahanCode,
    kecamatan_code: kecamatanCode,
    rw: proposal.rw,
    name: proposal.name,
    theme: proposal.theme,
    profile: JSON.stringify(proposal.profile),
    proposer: JSON.stringify(proposal.proposer),
    created_by: actorId,
    stage: 'PROPOSAL',
    resume_stage: null,
    stage_seq: 0,
    stage_entered_at: nowOf(deps),
  }, {
    actorId,
    action: 'CASE_PROPOSED',
    subjectType: 'case',
    subjectId: id,
    caseId: id,
    after: { name: proposal.name, programCode: proposal.programCode, kelurahanCode: proposal.kelurahanCode, rw: proposal.rw, theme: proposal.theme },
    ...source,
  });
  await gateway.startCase(deps, { caseId: id, programCode: proposal.programCode, kecamatanCode }, () =>
    casesRepository.deleteCase(deps.db, id, {
      actorId, action: 'CASE_PROPOSAL_UNDONE', subjectType: 'case', subjectId: id, caseId: id,
      reason: 'The case workflow could not be started', ...source,
    }));
  return getCase(deps, id, user);
}

function withinRegion(reach: CaseReach, programCode: string, kecamatanCode: string): boolean {
  if (reach.kind !== 'REGION') return false;
  return (!reach.programCodes.length || reach.programCodes.includes(programCode))
    && (!reach.kecamatanCodes.length || reach.kecamatanCodes.includes(kecamatanCode));
}

export async function listCases(deps: CaseDeps, query: unknown, reach: CaseReach): Promise<CasePage> {
  const q = parseInput(caseListQuerySchema, query);
  const { items, total } = await casesRepository.listCases(deps.db, q, reach);
  return { items: items.map(caseRowToListItem), total, page: q.page, pageSize: q.pageSize };
}

/** The case from PostgreSQL; what may happen next from the workflow, the authority on it (asked
 * here unless the caller already holds the workflow's answer, as after a transition). */
export async function getCase(deps: CaseDeps, id: string, user: SessionUser, allowedByWorkflow?: Stage[]): Promise<CaseDetail> {
  const row = await findCaseOr404(deps, id, caseReach(user));
  const [history, allowed] = await Promise.all([
    casesRepository.listHistory(deps.db, id),
    allowedByWorkflow ?? allowedTransitionsOf(deps, id, row.stage as Stage),
  ]);
  // Only the moves this user's role may make (TRANSITION_POLICY).
  const mine = allowed.filter((to) => mayTransition(user.role, row.stage as Stage, to));
  return caseRowToDetail(row, history, mine);
}

async function allowedTransitionsOf(deps: CaseDeps, caseId: string, stage: Stage): Promise<Stage[]> {
  return isEndStage(stage) ? [] : gateway.allowedTransitions(deps, caseId);
}

async function findCaseOr404(deps: CaseDeps, id: string, reach: CaseReach) {
  const row = isUuid(id) ? await casesRepository.findCaseDetail(deps.db, id, reach) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No case with id ${id}`);
  return row;
}

/** 404 unless the case exists within the user's reach: out of reach, a case does not exist for
 * them, so its existence does not leak. */
export async function assertCaseInReach(db: Db, id: string, reach: CaseReach): Promise<void> {
  const found = isUuid(id) ? (await isCaseInReachQuery(reach, id).execute(db)).rows[0]?.ok : false;
  if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}`);
}

/** Moves a case. The request (reason, data) is stored first and passed to the workflow by id (also
 * the Update id); a refusal removes it again, so a refused move leaves no trace anywhere. With an
 * Idempotency-Key the request id comes from the key: a retry after a lost answer finds the move
 * recorded and answers it, or sends the same Update again. A request whose outcome is unknown is
 * kept (the move may be recorded any moment); the reconciler removes it once the case's workflow
 * shows it was never taken. */
export async function transitionCase(
  deps: CaseDeps,
  id: string,
  input: unknown,
  user: SessionUser,
  source: AuditSource = {},
  idempotencyKey?: string,
): Promise<CaseDetail> {
  const actorId = user.id;
  const row = await findCaseOr404(deps, id, caseReach(user));
  const request = parseInput(transitionRequestSchema, input);
  const requestId = idempotencyKey ? actionId(idempotencyKey, { userId: actorId, kind: 'transition' }) : randomUUID();
  // The same action again after its answer was lost: the move is recorded, answered as it stands.
  if (await transitionRequestsRepository.isRecorded(deps.db, requestId)) return getCase(deps, id, user);
  const from = row.stage as Stage;
  if (!mayTransition(user.role, from, request.to)) {
    throw new AppError('FORBIDDEN', `Your role (${user.role}) may not move a case from ${from} to ${request.to}`);
  }
  // A first answer from the stored stage, so an impossible move is a 409 before its data is judged;
  // the workflow below remains the authority and refuses anything this copy might have missed.
  const position = { stage: from, resumeStage: row.resume_stage as ChainStage | null };
  if (!allowedTransitions(position).includes(request.to)) {
    throw new AppError('ILLEGAL_TRANSITION', isEndStage(from)
      ? `The case has ended (${from}); no further moves are possible`
      : `A case in ${from} cannot move to ${request.to}`);
  }
  const data = parseInput(transitionDataSchema(from, request.to), request.data ?? {}, 'data');

  const stored = await transitionRequestsRepository.insertTransitionRequest(deps.db, {
    id: requestId,
    caseId: id,
    to: request.to,
    reason: request.reason ?? null,
    data: Object.keys(data).length ? data : null,
    actorId,
    httpRequestId: source.requestId ?? null,
    sourceIp: source.sourceIp ?? null,
  });
  // A retry after an unknown outcome sends the same Update again, for the same move only.
  if (stored.caseId !== id || stored.to !== request.to) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another move');
  }
  // Refused: nothing was recorded, so the request goes. Unknown: kept (see above).
  const state = await gateway.moveCase(deps, id, { to: request.to, hasReason: Boolean(request.reason), requestId, actorId }, {
    from,
    undoRefused: () => transitionRequestsRepository.deleteUnrecordedRequest(deps.db, requestId),
  });
  return getCase(deps, id, user, state.allowedTransitions);
}
