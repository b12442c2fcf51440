import type { Db } from './connection';
import { inTransaction } from './audited';
import type { CaseReach } from '@kampung/domain';
import { caseInReach } from './case-reach';
import { recordRedReport } from './obligations.repository';

export interface NewMonitoringReport {
  id: string;
  caseId: string;
  period: string;
  progressPercent: number;
  budgetRealised: number;
  problems: string;
  explanation: string | null;
  targetPercent: number;
  red: boolean;
  policyVersion: number;
  submittedBy: string;
  /** When it was submitted (the API's clock): the instant that closes its obligation. */
  submittedAt: Date;
  /** Managers to tell when the report is red. */
  redRecipients: string[];
}

/** One transaction: the report, for a red report the managers' inbox items, and the case's realised
 * budget. The period's obligation is not touched here: the case's obligations workflow closes it
 * (closeObligationUpdate), the one writer of obligation statuses. Answers false when a report for the
 * period already exists (nothing is written). */
export async function insertReport(db: Db, r: NewMonitoringReport): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('monitoring_reports')
      .values({
        id: r.id,
        case_id: r.caseId,
        period: r.period,
        progress_percent: r.progressPercent,
        budget_realised: r.budgetRealised,
        problems: r.problems,
        explanation: r.explanation,
        target_percent: r.targetPercent,
        red: r.red,
        policy_version: r.policyVersion,
        submitted_by: r.submittedBy,
        submitted_at: r.submittedAt,
      })
      .onConflict((oc) => oc.columns(['case_id', 'period']).doNothing())
      .returning('submitted_at')
      .executeTakeFirst();
    if (!inserted) return false;
    if (r.red) await recordRedReport(trx, r.id, r.redRecipients);
    await refreshRealisedBudget(trx, r.caseId);
    return true;
  });
}

/** The latest period's figure is the case's realised budget on the dashboard. */
async function refreshRealisedBudget(db: Db, caseId: string) {
  const latest = await db
    .selectFrom('monitoring_reports')
    .select(['budget_realised', 'period'])
    .where('case_id', '=', caseId)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('cases')
    .set({ budget_realised: latest ? Number(latest.budget_realised) : null, budget_realised_period: latest?.period ?? null })
    .where('id', '=', caseId)
    .execute();
}

/** A report whose obligation the workflow refused to close (closed meanwhile, or the case was put on
 * hold): it goes again with its inbox items, and the case's realised budget is the previous report's. */
export async function deleteReport(db: Db, id: string) {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('inbox_items').where('report_id', '=', id).execute();
    await trx.deleteFrom('outbox').where('dedupe_key', 'like', `red-report:${id}:%`).execute();
    const report = await trx.deleteFrom('monitoring_reports').where('id', '=', id).returning('case_id').executeTakeFirst();
    if (report) await refreshRealisedBudget(trx, report.case_id);
  });
}

/** The report (or post-graduation check) obligation of a case's period, open or not. */
export async function findPeriodObligation(db: Db, caseId: string, period: string) {
  return db
    .selectFrom('obligations')
    .select(['id', 'status', 'status_changed_at'])
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['MONITORING_REPORT', 'GRADUATE_CHECK'])
    .where('period_label', '=', period)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

const REPORT_COLUMNS = [
  'r.id',
  'r.case_id',
  'cases.name as case_name',
  'r.period',
  'r.progress_percent',
  'r.budget_realised',
  'r.problems',
  'r.explanation',
  'r.target_percent',
  'r.red',
  'r.obligation_id',
  'r.submitted_by',
  'users.name as submitted_by_name',
  'r.submitted_at',
] as const;

function reports(db: Db) {
  return db
    .selectFrom('monitoring_reports as r')
    .innerJoin('cases', 'cases.id', 'r.case_id')
    .leftJoin('users', 'users.id', 'r.submitted_by');
}

export async function findReport(db: Db, id: string) {
  return reports(db).select(REPORT_COLUMNS).where('r.id', '=', id).executeTakeFirst();
}

export async function listReports(db: Db, reach: CaseReach, q: { red?: boolean; caseId?: string; programCode?: string; page: number; pageSize: number }) {
  let query = reports(db).where(caseInReach(reach));
  if (q.red !== undefined) query = query.where('r.red', '=', q.red);
  if (q.caseId) query = query.where('r.case_id', '=', q.caseId);
  if (q.programCode) query = query.where('cases.program_code', '=', q.programCode);
  const [items, count] = await Promise.all([
    query
      .select(REPORT_COLUMNS)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}
