import { assignmentsRepository, casesRepository, obligationsRepository, type Db } from '@kampung/db';
import {
  addDuration,
  CASE_OBLIGATION_ROLES,
  firstReportPeriodStart,
  obligationWindow,
  reportPeriodEnd,
  reportPeriodLabel,
  type ProgramPolicy,
} from '@kampung/domain';
import type { CaseObligationActivities, CaseObligationKind } from '@kampung/workflows';
import { currentPolicy, scheduled } from './obligations';

export function createCaseObligationActivities({ db }: { db: Db }): CaseObligationActivities {
  async function write(
    caseId: string,
    kind: CaseObligationKind,
    seq: number,
    createdAt: Date,
    due: (policy: ProgramPolicy) => Date | null,
    extra: { periodLabel?: string; stage?: string } = {},
  ) {
    const kampung = await casesRepository.findCaseSummary(db, caseId);
    if (!kampung) throw new Error(`case ${caseId} not found`);
    const { version, policy } = await currentPolicy(db, kampung.program_code);
    const dueAt = due(policy);
    if (!dueAt) return null;
    const responsible = await assignmentsRepository.responsibleAssignment(db, caseId, [...CASE_OBLIGATION_ROLES[kind]]);
    const row = await obligationsRepository.ensureCaseObligation(db, {
      caseId,
      kind,
      seq,
      assignmentId: responsible?.id ?? null,
      assigneeId: responsible?.user_id ?? null,
      ...obligationWindow(createdAt, dueAt, policy),
      policyVersion: version,
      ...extra,
    });
    return scheduled(row);
  }

  return {
    async openStageDeadline({ caseId, stage, seq, enteredAt }) {
      const entered = new Date(enteredAt);
      return write(caseId, 'STAGE_DEADLINE', seq, entered, (p) => {
        const max = p.stageMaxDuration[stage as keyof ProgramPolicy['stageMaxDuration']];
        return max ? addDuration(entered, max) : null;
      }, { stage });
    },
    async openEvaluation({ caseId, seq, from }) {
      const start = new Date(from);
      return write(caseId, 'EVALUATION', seq, start, (p) => addDuration(start, p.evaluationInterval));
    },
    async openPeriodicObligation({ caseId, kind, seq, periodStart, align }) {
      const kampung = await casesRepository.findCaseSummary(db, caseId);
      if (!kampung) throw new Error(`case ${caseId} not found`);
      const { policy } = await currentPolicy(db, kampung.program_code);
      const period = kind === 'MONITORING_REPORT' ? policy.monitoringReportPeriod : policy.graduatedMonitoringCadence;
      const start = align ? firstReportPeriodStart(new Date(periodStart), period) : new Date(periodStart);
      const end = reportPeriodEnd(start, period);
      // A report is due a while after its period ends; a post-graduation check by the end of its period.
      const obligation = await write(
        caseId,
        kind,
        seq,
        new Date(Math.max(start.getTime(), Date.parse(periodStart))),
        (p) => (kind === 'MONITORING_REPORT' ? addDuration(end, p.monitoringReportDueAfter) : end),
        { periodLabel: reportPeriodLabel(start, period) },
      );
      return { obligation, periodStart: start.toISOString(), periodEnd: end.toISOString() };
    },
    async fulfilObligationByReport({ obligationId, reportId, at, actorId }) {
      await obligationsRepository.fulfilByReport(db, { obligationId, reportId, at: new Date(at), actorId });
    },
    async fulfilObligationByTransition({ obligationId, at, actorId }) {
      await obligationsRepository.fulfilByTransition(db, { obligationId, at: new Date(at), actorId });
    },
    async cancelCaseObligations({ caseId, kinds }) {
      await obligationsRepository.cancelCaseObligations(db, caseId, kinds);
    },
  };
}
