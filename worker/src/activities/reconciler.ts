import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { casesRepository, programPoliciesRepository, reconciliationRepository, transitionRequestsRepository, visitsRepository, type Db } from '@kampung/db';
import { isOpenStatus, programPolicySchema, type AssignmentRole } from '@kampung/domain';
import {
  assignmentEndedUpdate,
  caseObligationsStateQuery,
  caseObligationsWorkflowId,
  caseWorkflowId,
  closeObligationUpdate,
  RECENT_VISITS_KEPT,
  stateQuery,
  visitCadenceStateQuery,
  visitCadenceWorkflowId,
  type ReconcilerActivities,
  type RecordTransitionInput,
} from '@kampung/workflows';

/** What the reconciler found on one case: repaired (a safe repair was made) or to be reported. */
export interface Finding {
  kind: string;
  subjectId: string;
  repaired: boolean;
  detail: Record<string, unknown>;
}

type CaseRow = Awaited<ReturnType<typeof reconciliationRepository.casesToCheck>>[number];

/** A second look before a finding is reported: a move or a message may have been half-way. */
const CONFIRM_AFTER_MS = 1500;
/** A move request older than this that no move refers to, on a case whose workflow agrees with
 * PostgreSQL, is an orphan (its Update never arrived). */
const ORPHAN_AFTER_MS = 10 * 60_000;

/**
 * The reconciler's activities: for each open case, the workflows' own state (queries) against
 * PostgreSQL. Safe repairs: a missing visit cadence is restarted from its last obligation, an ended
 * assignment's cadence is ended, a closure the case's obligations workflow never took (a stored
 * report, a waiver) is sent again, and moves the case workflow made that PostgreSQL lost (a restore
 * of an older backup) are written again from the workflow's history. The rest is recorded and
 * reaches the admins' inbox: open obligations a workflow has moved past (a visit or a report that
 * was lost), obligations a workflow times whose row is missing, and workflows running for a case or
 * an assignment the database does not have.
 */
export function createReconcilerActivities({ db, temporal, taskQueue }: { db: Db; temporal: Client; taskQueue: string }): ReconcilerActivities {
  async function running(workflowId: string): Promise<boolean> {
    try {
      return (await temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
  async function query<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }
  /** A refusal means the workflow has moved on by itself meanwhile: nothing left to repair. */
  async function send(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** The moves after `afterSeq` as the case workflow asked recordTransition to write them, from its
   * history (following continue-as-new back to the run that made the first of them), in seq order. */
  async function movesAfter(caseId: string, afterSeq: number): Promise<RecordTransitionInput[]> {
    const moves = new Map<number, RecordTransitionInput>();
    let runId: string | undefined;
    for (let runs = 0; runs < 100; runs++) {
      const history = await temporal.workflow.getHandle(caseWorkflowId(caseId), runId).fetchHistory();
      let previousRun: string | undefined;
      const scheduledMoves = new Map<string, RecordTransitionInput>();
      for (const event of history.events ?? []) {
        const started = event.workflowExecutionStartedEventAttributes;
        if (started?.continuedExecutionRunId) previousRun = started.continuedExecutionRunId;
        const scheduled = event.activityTaskScheduledEventAttributes;
        const payload = scheduled?.input?.payloads?.[0];
        if (scheduled?.activityType?.name === 'recordTransition' && payload) {
          scheduledMoves.set(String(event.eventId), defaultPayloadConverter.fromPayload<RecordTransitionInput>(payload as Parameters<typeof defaultPayloadConverter.fromPayload>[0]));
        }
        // Only a write that completed: one still in flight is the activity's to make.
        const completed = scheduledMoves.get(String(event.activityTaskCompletedEventAttributes?.scheduledEventId ?? ''));
        if (completed && completed.seq > afterSeq) moves.set(completed.seq, completed);
      }
      if (moves.has(afterSeq + 1) || !previousRun) break;
      runId = previousRun;
    }
    return [...moves.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Writes again the moves PostgreSQL lost, as recordTransition wrote them (idempotent by seq). A
   * move whose request row is gone too is written without it: its reason and form data are lost,
   * and the finding says so. */
  async function rewriteMoves(kampung: CaseRow, workflowSeq: number): Promise<Finding[]> {
    const moves = await movesAfter(kampung.id, kampung.stage_seq);
    const findings: Finding[] = [];
    for (const move of moves) {
      if (move.seq > workflowSeq) break;
      const requestLost = move.requestId !== null && !(await reconciliationRepository.transitionRequestExists(db, move.requestId));
      await casesRepository.recordTransition(db, { ...move, requestId: requestLost ? null : move.requestId });
      findings.push({
        kind: 'TRANSITION_REWRITTEN',
        subjectId: `${kampung.id}:${move.seq}`,
        repaired: true,
        detail: { seq: move.seq, from: move.from, to: move.to, at: move.at, ...(requestLost ? { requestLost: move.requestId, lost: 'the reason and form data of the move' } : {}) },
      });
    }
    return findings;
  }

  /** Workflows that run for a case or an assignment PostgreSQL does not have (created after the
   * backup it was restored from): reported once per pass, from the first page. */
  async function orphanWorkflows(passId: string, caseIds: string[] | undefined): Promise<void> {
    const listRunning = async (type: string, prefix: string): Promise<Map<string, string>> => {
      const ids = new Map<string, string>();
      for await (const run of temporal.workflow.list({ query: `WorkflowType = '${type}' AND ExecutionStatus = 'Running'` })) {
        if (run.workflowId.startsWith(prefix)) ids.set(run.workflowId.slice(prefix.length), run.workflowId);
      }
      return ids;
    };
    const caseWorkflows = new Map<string, string>();
    if (caseIds) {
      for (const id of caseIds) if (await running(caseWorkflowId(id))) caseWorkflows.set(id, caseWorkflowId(id));
    } else {
      for (const [id, workflowId] of await listRunning('caseWorkflow', caseWorkflowId(''))) caseWorkflows.set(id, workflowId);
    }
    const cadences = caseIds ? new Map<string, string>() : await listRunning('visitCadenceWorkflow', visitCadenceWorkflowId(''));
    const missing = async () => {
      const [cases, assignments] = await Promise.all([
        reconciliationRepository.existingCaseIds(db, [...caseWorkflows.keys()]),
        reconciliationRepository.existingAssignmentIds(db, [...cadences.keys()]),
      ]);
      return [
        ...[...caseWorkflows].filter(([id]) => !cases.has(id)).map(([id, workflowId]) => ({ kind: 'CASE_ROW_MISSING', subjectId: id, workflowId })),
        ...[...cadences].filter(([id]) => !assignments.has(id)).map(([id, workflowId]) => ({ kind: 'ASSIGNMENT_ROW_MISSING', subjectId: id, workflowId })),
      ];
    };
    const first = await missing();
    if (first.length === 0) return;
    // A second look: a row written in the same breath as its workflow was started is not missing.
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_AFTER_MS));
    const again = await missing();
    for (const f of first.filter((f) => again.some((g) => g.kind === f.kind && g.subjectId === f.subjectId))) {
      await reconciliationRepository.recordCaselessFinding(db, { passId, kind: f.kind, subjectId: f.subjectId, detail: { workflowId: f.workflowId } });
    }
  }

  /** Compares one case; `repair` false on the second look (repairs are made on the first only). */
  async function check(row: CaseRow, repair: boolean): Promise<Finding[]> {
    let kampung = row;
    const findings: Finding[] = [];
    const rows = await reconciliationRepository.caseObligationRows(db, kampung.id);

    // The case workflow: its stage and seq are PostgreSQL's.
    const state = await query(() => temporal.workflow.getHandle(caseWorkflowId(kampung.id)).query(stateQuery));
    if (state && repair && state.seq > kampung.stage_seq) {
      // The workflow made moves PostgreSQL does not have: written again from its history.
      findings.push(...(await rewriteMoves(kampung, state.seq)));
      kampung = (await reconciliationRepository.caseToCheck(db, kampung.id)) ?? kampung;
    }
    if (!state) findings.push({ kind: 'CASE_WORKFLOW_MISSING', subjectId: kampung.id, repaired: false, detail: { stage: kampung.stage } });
    else if (state.stage !== kampung.stage || state.seq !== kampung.stage_seq) {
      findings.push({ kind: 'CASE_STAGE_MISMATCH', subjectId: kampung.id, repaired: false, detail: { workflow: { stage: state.stage, seq: state.seq }, database: { stage: kampung.stage, seq: kampung.stage_seq } } });
    } else if (repair) {
      // The workflow and PostgreSQL agree on the last move: a request no move refers to was never taken.
      const removed = await transitionRequestsRepository.deleteOrphanRequests(db, kampung.id, new Date(Date.now() - ORPHAN_AFTER_MS));
      if (removed > 0) findings.push({ kind: 'ORPHAN_TRANSITION_REQUESTS', subjectId: kampung.id, repaired: true, detail: { removed } });
    }

    // Visit cadences: one running per active assignment whose role has visits, with exactly one open obligation.
    const current = await programPoliciesRepository.findCurrentPolicy(db, kampung.program_code);
    const policy = current ? programPolicySchema.parse(current.policy) : null;
    const visiting = kampung.stage !== 'GRADUATED';
    for (const a of rows.assignments) {
      const workflowId = visitCadenceWorkflowId(a.id);
      const visits = rows.obligations.filter((o) => o.kind === 'VISIT' && o.assignment_id === a.id).sort((x, y) => x.seq - y.seq);
      const open = visits.filter((o) => isOpenStatus(o.status));
      const isRunning = await running(workflowId);
      if (a.ended_at) {
        if (isRunning && repair) {
          const ended = await send(() => temporal.workflow.getHandle(workflowId).executeUpdate(assignmentEndedUpdate, { args: [{ endedAt: a.ended_at!.toISOString() }], updateId: `end-${a.id}` }));
          findings.push({ kind: 'CADENCE_OF_ENDED_ASSIGNMENT', subjectId: a.id, repaired: ended, detail: { endedAt: a.ended_at.toISOString() } });
        } else if (open.length > 0) {
          findings.push({ kind: 'OPEN_VISIT_OF_ENDED_ASSIGNMENT', subjectId: a.id, repaired: false, detail: { obligationIds: open.map((o) => o.id) } });
        }
        continue;
      }
      const hasCadence = visiting && Boolean(policy?.visitCadence[a.role as AssignmentRole]);
      if (!hasCadence) continue;
      if (!isRunning) {
        if (!repair) {
          findings.push({ kind: 'CADENCE_MISSING', subjectId: a.id, repaired: false, detail: {} });
          continue;
        }
        // Restarted from its last obligation: the open one (found again by its seq), or the next.
        const last = visits.at(-1);
        const seq = open[0]?.seq ?? (last ? last.seq + 1 : 1);
        const from = (open[0] ? a.started_at : (last?.fulfilled_at ?? last?.status_changed_at ?? a.started_at)).toISOString();
        const recentVisitsAt = await visitsRepository.recentVisitInstants(db, a.id, RECENT_VISITS_KEPT);
        let restarted = true;
        try {
          await temporal.workflow.start('visitCadenceWorkflow', {
            taskQueue,
            workflowId,
            args: [{
              assignmentId: a.id, seq, from, heldAt: kampung.stage === 'ON_HOLD' ? kampung.stage_entered_at.toISOString() : null, stageSeq: kampung.stage_seq,
              lastVisitAt: recentVisitsAt.at(-1) ?? null, recentVisitsAt,
            }],
          });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          restarted = false; // started meanwhile by someone else
        }
        if (restarted) findings.push({ kind: 'CADENCE_RESTARTED', subjectId: a.id, repaired: true, detail: { seq, from } });
        continue;
      }
      const cadence = await query(() => temporal.workflow.getHandle(workflowId).query(visitCadenceStateQuery));
      if (!cadence || cadence.ended) continue;
      const expected = cadence.openObligationId;
      const extra = open.filter((o) => o.id !== expected);
      if (extra.length > 0) {
        findings.push({ kind: 'SPENT_VISIT_OBLIGATION_OPEN', subjectId: a.id, repaired: false, detail: { open: extra.map((o) => o.id), cadenceOpen: expected } });
      }
      if (expected && !visits.some((o) => o.id === expected)) {
        findings.push({ kind: 'OBLIGATION_ROW_MISSING', subjectId: expected, repaired: false, detail: { assignmentId: a.id, kind: 'VISIT', seq: cadence.seq } });
      } else if (expected && !open.some((o) => o.id === expected)) {
        findings.push({ kind: 'VISIT_OBLIGATION_CLOSED_OUTSIDE', subjectId: expected, repaired: false, detail: { assignmentId: a.id } });
      }
    }

    // The case's obligations workflow: its open set is PostgreSQL's open case-level obligations.
    const caseState = await query(() => temporal.workflow.getHandle(caseObligationsWorkflowId(kampung.id)).query(caseObligationsStateQuery));
    if (!caseState) {
      findings.push({ kind: 'OBLIGATIONS_WORKFLOW_MISSING', subjectId: kampung.id, repaired: false, detail: {} });
      return findings;
    }
    const caseLevel = rows.obligations.filter((o) => o.kind !== 'VISIT');
    const tracked = new Set(caseState.open.map((o) => o.obligationId));
    for (const id of tracked) {
      const row = caseLevel.find((o) => o.id === id);
      if (!row) {
        const timed = caseState.open.find((o) => o.obligationId === id)!;
        findings.push({ kind: 'OBLIGATION_ROW_MISSING', subjectId: id, repaired: false, detail: { kind: timed.kind, stage: timed.stage } });
        continue;
      }
      if (isOpenStatus(row.status)) continue;
      // Closed in PostgreSQL, still timed by the workflow: the closure it never took.
      const report = rows.reportOf.find((r) => r.obligation_id === id);
      const resend = repair && (row.status === 'WAIVED' || (row.status === 'FULFILLED' && report));
      const sent = resend
        ? await send(() => temporal.workflow.getHandle(caseObligationsWorkflowId(kampung.id)).executeUpdate(closeObligationUpdate, {
          args: [{ obligationId: id, how: row.status === 'WAIVED' ? 'WAIVER' : 'REPORT', reportId: report?.id ?? null, at: row.status_changed_at.toISOString(), actorId: null }],
          updateId: row.status === 'WAIVED' ? `reconcile-waive-${id}` : `report-${report!.id}`,
        }))
        : false;
      findings.push({ kind: 'SPENT_OBLIGATION_TRACKED', subjectId: id, repaired: sent, detail: { status: row.status } });
    }
    for (const row of caseLevel.filter((o) => isOpenStatus(o.status) && !tracked.has(o.id))) {
      findings.push({ kind: 'OBLIGATION_UNTRACKED', subjectId: row.id, repaired: false, detail: { kind: row.kind, status: row.status } });
    }
    // A stored report whose closure never arrived: sent again (same Update id as the API's).
    for (const report of rows.unlinkedReports) {
      const obligation = caseLevel.find((o) => o.period_label === report.period && isOpenStatus(o.status) && tracked.has(o.id));
      if (!obligation) continue;
      const sent = repair && (await send(() => temporal.workflow.getHandle(caseObligationsWorkflowId(kampung.id)).executeUpdate(closeObligationUpdate, {
        args: [{ obligationId: obligation.id, how: 'REPORT', reportId: report.id, at: report.submitted_at.toISOString(), actorId: report.submitted_by }],
        updateId: `report-${report.id}`,
      })));
      findings.push({ kind: 'REPORT_CLOSURE_LOST', subjectId: report.id, repaired: sent, detail: { obligationId: obligation.id, period: report.period } });
    }
    return findings;
  }

  return {
    async startReconciliation({ passId, at }) {
      await reconciliationRepository.startPass(db, passId, new Date(at));
    },
    async reconcileCases({ passId, after, limit, caseIds }) {
      if (after === null) await orphanWorkflows(passId, caseIds);
      const page = await reconciliationRepository.casesToCheck(db, after, limit, caseIds);
      for (const kampung of page) {
        const first = await check(kampung, true);
        const toConfirm = first.filter((f) => !f.repaired);
        let confirmed: Finding[] = [];
        if (toConfirm.length > 0) {
          await new Promise((resolve) => setTimeout(resolve, CONFIRM_AFTER_MS));
          const again = await check(kampung, false);
          confirmed = toConfirm.filter((f) => again.some((g) => g.kind === f.kind && g.subjectId === f.subjectId));
        }
        for (const f of [...first.filter((f) => f.repaired), ...confirmed]) {
          await reconciliationRepository.recordFinding(db, { passId, caseId: kampung.id, ...f });
        }
      }
      return { checked: page.length, last: page.length === limit ? page.at(-1)!.id : null };
    },
    async finishReconciliation({ passId, casesChecked, at }) {
      await reconciliationRepository.finishPass(db, passId, casesChecked, new Date(at));
      const pass = (await reconciliationRepository.findPass(db, passId))!;
      return { passId, casesChecked, repaired: pass.repaired, reported: pass.reported };
    },
  };
}
