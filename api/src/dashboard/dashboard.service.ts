import { dashboardRepository, type Db } from '@kampung/db';
import { DASHBOARD_TOP, VISIT_EVIDENCE_DAYS, dashboardQuerySchema, dashboardSettingsSchema, wibWeek, type CaseReach, type Dashboard } from '@kampung/domain';
import { audited } from '@kampung/db';
import { AppError } from '../errors';
import type { AuditSource } from '../audit/audit.service';
import { parseInput } from '../http/validate';

type Scope = dashboardRepository.DashboardScope;

/** What a reader's dashboard covers: their programs and kecamatan. Only region-wide roles read it. */
export function dashboardScope(reach: CaseReach): Scope {
  if (reach.kind !== 'REGION') throw new AppError('FORBIDDEN', 'The dashboard is for region-wide roles');
  return { programs: reach.programCodes, kecamatans: reach.kecamatanCodes };
}

type Status = 'OVERDUE' | 'ESCALATED';

/** The manager's view of a program (or both): every figure is an aggregate over stored rows, and
 * each comes with what a list needs to show the cases or obligations behind it. */
export async function dashboard(db: Db, query: unknown, scope: Scope = { programs: [], kecamatans: [] }, now = new Date()): Promise<Dashboard> {
  const { program } = parseInput(dashboardQuerySchema, query);
  if (program) {
    if (scope.programs.length && !scope.programs.includes(program)) {
      throw new AppError('FORBIDDEN', `Program ${program} is outside the programs you work in`);
    }
    scope = { ...scope, programs: [program] };
  }
  const settings = await dashboardRepository.findSettings(db);
  const weeks = lastWeeks(now, 12);
  const [f, trend, evidence] = await Promise.all([
    dashboardRepository.dashboardFigures(db, { scope, now, agingDays: settings.stalled_aging_days }),
    dashboardRepository.overdueTrend(db, { scope, weekEnds: weeks.map((w) => w.end) }),
    dashboardRepository.visitEvidenceByProgram(db, { scope, since: new Date(now.getTime() - VISIT_EVIDENCE_DAYS * DAY_MS) }),
  ]);
  const buckets = f.edges.map((fromDays, i) => ({
    fromDays,
    toDays: f.edges[i + 1] ?? null,
    count: Number((f.stalled as Record<string, string>)[`b${i}`] ?? 0),
  }));
  const year = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const ratings = { year, BAIK: 0, SEDANG: 0, KURANG: 0 };
  for (const r of f.ratings) if (r.rating === 'BAIK' || r.rating === 'SEDANG' || r.rating === 'KURANG') ratings[r.rating] = Number(r.count);
  return {
    program: program ?? null,
    generatedAt: now.toISOString(),
    stages: f.stages.map((s) => ({ programCode: s.program_code, stage: s.stage, count: Number(s.count) })),
    stalled: { total: buckets.reduce((sum, b) => sum + b.count, 0), buckets },
    overdue: {
      byKind: f.overdueByKind.map((r) => ({ status: r.status as Status, kind: r.kind as Dashboard['overdue']['byKind'][number]['kind'], count: Number(r.count) })),
      byAssignee: mostOverdue(
        f.overdueByAssignee.map((r) => ({
          status: r.status as Status,
          assignee: r.assignee_id ? { id: r.assignee_id, name: r.name ?? '' } : null,
          count: Number(r.count),
        })),
      ),
      assignees: new Set(f.overdueByAssignee.map((r) => r.assignee_id)).size,
      byKecamatan: f.overdueByKecamatan.map((r) => ({ status: r.status as Status, kecamatan: { code: r.kecamatan_code, name: r.name }, count: Number(r.count) })),
    },
    ...adherence(
      f.adherence.map((r) => ({ mentor: { id: r.assignee_id!, name: r.name }, due: Number(r.due), onTime: Number(r.on_time) })),
    ),
    ratings,
    budget: { allocated: Number(f.budget.allocated), realised: Number(f.budget.realised) },
    redReports: Number(f.redReports.count),
    beneficiaries: { people: Number(f.beneficiaries.people), households: Number(f.beneficiaries.households), enrolments: Number(f.beneficiaries.enrolments) },
    coverage: f.coverage.map((c) => ({ kecamatan: { code: c.code, name: c.name }, kelurahan: Number(c.kelurahan), covered: Number(c.covered) })),
    overdueTrend: weeks.map((w, i) => ({ weekStart: w.start, ...trend[i]! })),
    visitEvidence: evidence.map((r) => ({ programCode: r.program_code, visits: Number(r.visits), withEvidence: Number(r.with_evidence) })),
  };
}

type AssigneeRow = Dashboard['overdue']['byAssignee'][number];

/** The rows of the DASHBOARD_TOP people with the most overdue and escalated work together (ties by
 * name, then id; "nobody" sorts as an empty name). */
export function mostOverdue(rows: AssigneeRow[]): AssigneeRow[] {
  const totals = new Map<string, { key: string; name: string; total: number }>();
  for (const r of rows) {
    const key = r.assignee?.id ?? '';
    const t = totals.get(key) ?? { key, name: r.assignee?.name ?? '', total: 0 };
    t.total += r.count;
    totals.set(key, t);
  }
  const top = new Set(
    [...totals.values()]
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.key.localeCompare(b.key))
      .slice(0, DASHBOARD_TOP)
      .map((t) => t.key),
  );
  return rows.filter((r) => top.has(r.assignee?.id ?? ''));
}

/** Adherence: the DASHBOARD_TOP people with the lowest share of visits on time (then the most due,
 * then by name and id), and the figure over everyone. */
export function adherence(rows: { mentor: { id: string; name: string }; due: number; onTime: number }[]) {
  const withShare = rows.map((r) => ({ ...r, share: r.due === 0 ? 0 : r.onTime / r.due }));
  const lowest = withShare
    .sort((a, b) => a.share - b.share || b.due - a.due || a.mentor.name.localeCompare(b.mentor.name) || a.mentor.id.localeCompare(b.mentor.id))
    .slice(0, DASHBOARD_TOP);
  const due = rows.reduce((s, r) => s + r.due, 0);
  const onTime = rows.reduce((s, r) => s + r.onTime, 0);
  return { adherence: lowest, adherenceSummary: { mentors: rows.length, due, onTime, share: due === 0 ? 0 : onTime / due } };
}

const WIB_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The last `count` weeks, Monday to Sunday in WIB, oldest first: each week's first day and the
 * instant it ends (now, for the current week). */
export function lastWeeks(now: Date, count: number) {
  const mondayWib = wibWeek(now).start.getTime() + WIB_MS;
  return Array.from({ length: count }, (_, i) => {
    const startWib = mondayWib - (count - 1 - i) * 7 * DAY_MS;
    const end = Math.min(now.getTime(), startWib + 7 * DAY_MS - WIB_MS);
    return { start: new Date(startWib).toISOString().slice(0, 10), end: new Date(end) };
  });
}

export async function getSettings(db: Db) {
  const s = await dashboardRepository.findSettings(db);
  return { stalledAgingDays: s.stalled_aging_days };
}

export async function changeSettings(db: Db, input: unknown, userId: string, source: AuditSource) {
  const { stalledAgingDays } = parseInput(dashboardSettingsSchema, input);
  const before = await dashboardRepository.findSettings(db);
  await audited(
    db,
    { actorId: userId, action: 'DASHBOARD_SETTINGS_CHANGED', subjectType: 'dashboard_settings', subjectId: '1', before: { stalledAgingDays: before.stalled_aging_days }, after: { stalledAgingDays }, ...source },
    (trx) => dashboardRepository.saveAgingDays(trx, stalledAgingDays, userId),
  );
  return { stalledAgingDays };
}
