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
  /** Managers to tell when the report is red. */
  redRecipients: string[];
}

/** One transaction: the report, the fulfilment of the open report obligation for its period (if
 * any) and, for a red report, the managers' inbox items. Answers the fulfilled obligation's id, or
 * undefined when a report for the period already exists (nothing is written). */
export async function insertReport(db: Db, r: NewMonitoringReport): Promise<{ obligationId: string | null } | undefined> {
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
      })
      .onConflict((oc) => oc.columns(['case_id', 'period']).doNothing())
      .returning('submitted_at')
      .executeTakeFirst();
    if (!inserted) return undefined;
    const fulfilled = await trx
      .updateTable('obligations')
      .set((eb) => ({
        status: 'FULFILLED',
        status_changed_at: new Date(),
        fulfilled_at: inserted.submitted_at,
        fulfilled_by: r.submittedBy,
        late: eb.cast<boolean>(eb('due_at', '<', inserted.submitted_at), 'boolean'),
      }))
      .where('case_id', '=', r.caseId)
      .where('kind', 'in', ['MONITORING_REPORT', 'GRADUATE_CHECK'])
      .where('period_label', '=', r.period)
      .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'])
      .returning('id')
      .executeTakeFirst();
    if (fulfilled) await trx.updateTable('monitoring_reports').set({ obligation_id: fulfilled.id }).where('id', '=', r.id).execute();
    if (r.red) await recordRedReport(trx, r.id, r.redRecipients);
    // The latest period's figure is the case's realised budget on the dashboard.
    await trx
      .updateTable('cases')
      .set({ budget_realised: r.budgetRealised, budget_realised_period: r.period })
      .where('id', '=', r.caseId)
      .where((eb) => eb.or([eb('budget_realised_period', 'is', null), eb('budget_realised_period', '<=', r.period)]))
      .execute();
    return { obligationId: fulfilled?.id ?? null };
  });
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
