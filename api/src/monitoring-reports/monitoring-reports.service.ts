import { audited, casesRepository, monitoringReportsRepository, programPoliciesRepository, usersRepository } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import {
  isEndStage,
  isOpenStatus,
  labelLike,
  monitoringReportListQuerySchema,
  monitoringReportRequestSchema,
  programPolicySchema,
  REPORT_PERIOD_REFUSALS,
  reportPeriodPlace,
  type CaseReach,
  type MonitoringReport,
  type ReportPeriodPlace,
  type Stage,
} from '@kampung/domain';
import { nowOf, type CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { actionId } from '../http/action-id';
import { isUuid, parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';

type ReportRow = Awaited<ReturnType<typeof monitoringReportsRepository.listReports>>['items'][number];

function reportRowToReport(row: ReportRow): MonitoringReport {
  return {
    id: row.id,
    caseId: row.case_id,
    caseName: row.case_name,
    period: row.period,
    progressPercent: Number(row.progress_percent),
    budgetRealised: Number(row.budget_realised),
    problems: row.problems,
    explanation: row.explanation,
    targetPercent: Number(row.target_percent),
    red: row.red,
    fulfilledObligationId: row.obligation_id,
    submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name ?? '' } : null,
    submittedAt: row.submitted_at.toISOString(),
  };
}

const PERIOD_DETAILS: Record<Exclude<ReportPeriodPlace, 'WITHIN'>, (period: string, stage: string, from: string) => string> = {
  NO_IMPLEMENTATION: (period, stage) => `Monitoring reports begin with implementation; the case is in ${stage}, so it has none for ${period}`,
  BEFORE_IMPLEMENTATION: (period, _stage, from) => `The case's implementation began in ${from}; a report cannot cover ${period}`,
  NOT_BEGUN: (period) => `A report cannot cover a period that has not begun (${period})`,
};

/** A report covers a period of the case's implementation (domain: reportPeriodPlace), as its stage
 * history tells: anything else is a 422 on `period`. */
async function assertPeriodOfImplementation(deps: CaseDeps, caseId: string, stage: string, period: string): Promise<void> {
  const began = await casesRepository.firstEnteredAt(deps.db, caseId, 'IMPLEMENTATION');
  const place = reportPeriodPlace(period, began, nowOf(deps));
  if (place === 'WITHIN') return;
  const from = began ? labelLike(began, period) : '';
  throw new AppError('VALIDATION_FAILED', PERIOD_DETAILS[place](period, stage, from), [{ path: 'period', message: REPORT_PERIOD_REFUSALS[place] }]);
}

/** A monthly monitoring report (the Gerbang Hebat practice): progress below the program's target is
 * red and must say why; red reports reach the managers. The report and the managers' inbox items are
 * written in one transaction; then the case's obligations workflow is asked (an Update) to close the
 * period's obligation with it, the one writer of obligation statuses. A refusal removes the report
 * again and is answered; with an Idempotency-Key a retry of the same action gets the first outcome. */
export async function submitReport(
  deps: CaseDeps,
  caseId: string,
  input: unknown,
  actorId: string,
  source: AuditSource = {},
  idempotencyKey?: string,
): Promise<MonitoringReport> {
  const request = parseInput(monitoringReportRequestSchema, input);
  const kampung = isUuid(caseId) ? await casesRepository.findCaseSummary(deps.db, caseId) : undefined;
  if (!kampung) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  const id = actionId(idempotencyKey, { userId: actorId, kind: 'report' });
  const earlier = await monitoringReportsRepository.findReport(deps.db, id);
  // The same action again after its answer was lost: the first outcome.
  if (earlier) return reportRowToReport(earlier);

  if (isEndStage(kampung.stage as Stage)) throw new AppError('CONFLICT', `The case has ended (${kampung.stage})`);
  if (kampung.stage === 'ON_HOLD') {
    throw new AppError('CASE_ON_HOLD', `The case is on hold since ${kampung.stage_entered_at.toISOString()}; its reports wait for the resume`);
  }
  await assertPeriodOfImplementation(deps, caseId, kampung.stage, request.period);
  const obligation = await monitoringReportsRepository.findPeriodObligation(deps.db, caseId, request.period);
  if (obligation && !isOpenStatus(obligation.status) && obligation.status !== 'FULFILLED') {
    throw new AppError('OBLIGATION_CLOSED', `The report for ${request.period} was ${obligation.status} on ${obligation.status_changed_at.toISOString()}`);
  }
  const current = await programPoliciesRepository.findCurrentPolicy(deps.db, kampung.program_code);
  const policy = programPolicySchema.parse(current!.policy);
  const red = request.progressPercent < policy.monitoringTargetPercent;
  if (red && !request.explanation) {
    throw new AppError('VALIDATION_FAILED', `Progress is below the program target of ${policy.monitoringTargetPercent}%: explain why`, [
      { path: 'explanation', message: `required below the target of ${policy.monitoringTargetPercent}%` },
    ]);
  }

  const submittedAt = nowOf(deps);
  const redRecipients = red ? await usersRepository.managersOfCase(deps.db, caseId) : [];
  const entry = { actorId, subjectType: 'monitoring_report', subjectId: id, caseId, ...source };
  const written = await audited(deps.db, (w: boolean | undefined) => w ? {
    ...entry,
    action: 'REPORT_SUBMITTED',
    after: { period: request.period, progressPercent: request.progressPercent, budgetRealised: request.budgetRealised, red, obligationId: obligation?.id ?? null },
  } : null, (trx) => monitoringReportsRepository.insertReport(trx, {
    id,
    caseId,
    period: request.period,
    progressPercent: request.progressPercent,
    budgetRealised: request.budgetRealised,
    problems: request.problems,
    explanation: request.explanation ?? null,
    targetPercent: policy.monitoringTargetPercent,
    red,
    policyVersion: current!.version,
    submittedBy: actorId,
    submittedAt,
    redRecipients,
  }));
  if (!written) throw new AppError('CONFLICT', `The case already has a report for ${request.period}`);
  if (obligation && isOpenStatus(obligation.status)) {
    try {
      await gateway.closeCaseObligation(
        deps,
        caseId,
        { obligationId: obligation.id, how: 'REPORT', reportId: id, at: submittedAt.toISOString(), actorId },
        `report-${id}`,
      );
    } catch (error) {
      // Refused, or no answer: the report goes again, so nothing is left half-written.
      await audited(deps.db, { ...entry, action: 'REPORT_UNDONE', reason: error instanceof AppError ? error.code : 'UNKNOWN' }, (trx) =>
        monitoringReportsRepository.deleteReport(trx, id));
      throw error;
    }
  }
  return reportRowToReport((await monitoringReportsRepository.findReport(deps.db, id))!);
}

export async function listReports(deps: CaseDeps, query: unknown, reach: CaseReach, caseId?: string) {
  const q = parseInput(monitoringReportListQuerySchema, query);
  const { items, total } = await monitoringReportsRepository.listReports(deps.db, reach, {
    red: q.red === undefined ? undefined : q.red === 'true',
    caseId: caseId ?? q.case,
    programCode: q.program,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: items.map(reportRowToReport), total, page: q.page, pageSize: q.pageSize };
}
