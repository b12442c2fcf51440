import { obligationsRepository, type Db } from '@kampung/db';
import { obligationListQuerySchema, wibWeek, type CaseReach, type Obligation } from '@kampung/domain';
import { parseInput } from '../http/validate';

type ObligationRow = Awaited<ReturnType<typeof obligationsRepository.listObligations>>['items'][number];

function obligationRowToObligation(row: ObligationRow): Obligation {
  return {
    id: row.id,
    kind: row.kind as Obligation['kind'],
    caseId: row.case_id,
    caseName: row.case_name,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    status: row.status as Obligation['status'],
    opensAt: row.opens_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdueAt: row.overdue_at.toISOString(),
    escalatesAt: row.escalates_at.toISOString(),
    policyVersion: row.policy_version,
    fulfilledAt: row.fulfilled_at?.toISOString() ?? null,
    late: row.late,
    waivedReason: row.waived_reason,
    periodLabel: row.period_label,
    stage: row.stage,
    evidence: row.visit_located === null ? null : { photos: Number(row.visit_photos ?? 0), located: Boolean(row.visit_located) },
  };
}

export async function listObligations(db: Db, query: unknown, reach: CaseReach) {
  const q = parseInput(obligationListQuerySchema, query);
  const { items, total } = await obligationsRepository.listObligations(db, q, reach);
  return { items: items.map(obligationRowToObligation), total, page: q.page, pageSize: q.pageSize };
}

/** What the signed-in user must do: open obligations due this week (Monday to Sunday, WIB; one
 * opened early but due next week waits for its week), overdue, escalated. */
export async function worklist(db: Db, userId: string, reach: CaseReach, now = new Date()) {
  const weekEnd = wibWeek(now).end.toISOString();
  const mine = async (status: Obligation['status'], dueTo?: string) =>
    (await listObligations(db, { assignee: userId, status, pageSize: '200', ...(dueTo ? { dueTo } : {}) }, reach)).items;
  const [upcoming, due, overdue, escalated] = await Promise.all([
    mine('UPCOMING', weekEnd),
    mine('DUE', weekEnd),
    mine('OVERDUE'),
    mine('ESCALATED'),
  ]);
  return { dueThisWeek: [...due, ...upcoming], overdue, escalated };
}
