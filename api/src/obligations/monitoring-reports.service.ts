import { randomUUID } from 'node:crypto';
import { audited, casesRepository, monitoringReportsRepository, programPoliciesRepository, usersRepository } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import {
  isEndStage,
  monitoringReportListQuerySchema,
  monitoringReportRequestSchema,
  programPolicySchema,
  reportPeriodLabel,
  type CaseReach,
  type MonitoringReport,
  type Stage,
} from '@kampung/domain';
import { caseObligationsWorkflowId, obligationClosedSignal } from '@kampung/workflows';
import type { CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

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

/** A monthly monitoring report (the Gerbang Hebat practice): progress below the program's target is
 * red and must say why; red reports reach the managers. The report, the fulfilment of its period's
 * obligation and the managers' inbox items are written in one transaction. */
export async function submitReport(deps: CaseDeps, caseId: string, input: unknown, actorId: string, source: AuditSource = {}): Promise<MonitoringReport> {
  const request = parseInput(monitoringReportRequestSchema, input);
  const kampung = isUuid(caseId) ? await casesRepository.findCaseSummary(deps.db, caseId) : undefined;
  if (!kampung) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  if (isEndStage(kampung.stage as Stage)) throw new AppError('CONFLICT', `The case has ended (${kampung.stage})`);
  if (kampung.stage === 'ON_HOLD') throw new AppError('CONFLICT', 'The case is on hold; its reports wait for the resume');
  if (request.period.length === 7 && request.period > reportPeriodLabel(new Date(), 'P1M')) {
    throw new AppError('VALIDATION_FAILED', 'A report cannot cover a month that has not begun', [
      { path: 'period', message: 'in the future' },
    ]);
  }
  const current = await programPoliciesRepository.findCurrentPolicy(deps.db, kampung.program_code);
  const policy = programPolicySchema.parse(current!.policy);
  const red = request.progressPercent < policy.monitoringTargetPercent;
  if (red && !request.explanation) {
    throw new AppError('VALIDATION_FAILED', `Progress is below the program target of ${policy.monitoringTargetPercent}%: explain why`, [
      { path: 'explanation', message: `required below the target of ${policy.monitoringTargetPercent}%` },
    ]);
  }

  const id = randomUUID();
  const redRecipients = red ? await usersRepository.managersOfCase(deps.db, caseId) : [];
  const written = await audited(deps.db, (w: { obligationId: string | null } | undefined) => w ? {
    actorId,
    action: 'REPORT_SUBMITTED',
    subjectType: 'monitoring_report',
    subjectId: id,
    caseId,
    after: { period: request.period, progressPercent: request.progressPercent, budgetRealised: request.budgetRealised, red, fulfilledObligationId: w.obligationId },
    ...source,
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
    redRecipients,
  }));
  if (!written) throw new AppError('CONFLICT', `The case already has a report for ${request.period}`);
  if (written.obligationId) {
    // The obligation is FULFILLED already; the workflow only stops timing it. Should this signal be
    // lost, its next timer finds the obligation fulfilled and changes nothing.
    await deps.temporal.workflow
      .getHandle(caseObligationsWorkflowId(caseId))
      .signal(obligationClosedSignal, { obligationId: written.obligationId, at: new Date().toISOString() })
      .catch(() => undefined);
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
