/**
 * Synthetic case scripts for `npm run seed:scale`: who proposed which kampung when, how it moved
 * through the stages, who was assigned, when they visited and reported. Deterministic from a seed
 * (mulberry32); the rows come from scale-rows.ts, which replays the product's rules.
 */
import {
  addDuration,
  transitionDataKind,
  WELFARE_DIMENSIONS,
  type AssignmentRole,
  type ChainStage,
  type ProgramPolicy,
  type Stage,
} from '@kampung/domain';
import { demoReason, demoStageData } from '../demo/stage-data';
import { buildCaseRows, type CaseRows, type CaseScript, type PolicyAt, type ScriptAssignment, type ScriptMove } from './scale-rows';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic data, and the same on every machine. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A version-4-shaped UUID from the PRNG (reproducible ids for a given seed). */
export function uuidFrom(rng: Rng): string {
  const hex = (n: number) => Math.floor(rng() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rng() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

const DAY = 86_400_000;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
const plus = (d: Date, ms: number) => new Date(d.getTime() + Math.round(ms));

export interface ScaleRegion {
  kelurahanCode: string;
  kelurahanName: string;
  kecamatanCode: string;
}
export interface ScalePeople {
  /** By program: the Dinas Sosial officers who lead cases. */
  officers: Record<string, string[]>;
  mentors: string[];
  /** Kampung Tematik: the two IAI architects of each kecamatan. */
  architectsByKecamatan: Record<string, string[]>;
}
export interface ScaleContext {
  now: Date;
  /** Proposals spread over this many years before now. */
  years: number;
  regions: Record<string, ScaleRegion[]>;
  people: ScalePeople;
  policies: Record<string, PolicyAt>;
}

const THEMES = ['Kampung Batik', 'Kampung Jamu', 'Kampung Lumpia', 'Kampung Hijau', 'Kampung Tas Rajut', 'Kampung Kuliner', 'Kampung Bunga', 'Kampung Pelangi', 'Kampung Tahu Bakso', 'Kampung Literasi', 'Kampung Herbal', 'Kampung Ikan Hias'];
const STAGE_ORDER: ChainStage[] = ['PROPOSAL', 'SURVEY', 'VERIFICATION', 'DESIGNATION', 'ENGAGEMENT', 'ASSESSMENT', 'PLANNING', 'ACTION_PLAN', 'IMPLEMENTATION', 'EVALUATION', 'GRADUATED'];
const VISIT_KINDS = ['MENTORING', 'MONITORING', 'TECHNICAL', 'SOCIALISATION'];

/** How long a case stays in a stage: mostly within the policy's expected time, one in eight well past it. */
function stayMs(rng: Rng, policy: ProgramPolicy, stage: ChainStage, from: Date): number {
  const max = policy.stageMaxDuration[stage];
  const maxMs = max ? addDuration(from, max).getTime() - from.getTime() : 365 * DAY;
  const r = rng();
  if (stage === 'GRADUATED') return between(rng, 180, 900) * DAY;
  if (r < 0.78) return maxMs * between(rng, 0.3, 0.95);
  if (r < 0.88) return maxMs * between(rng, 1.0, 1.4);
  return maxMs * between(rng, 1.4, 4);
}

function moveData(rng: Rng, from: Stage, to: Stage, step: number): Record<string, unknown> | null {
  const kind = transitionDataKind(from, to);
  if (kind === 'NONE') return null;
  const data = demoStageData(from, to, step);
  if (kind === 'DESIGNATION_DECREE') {
    const csr = rng() < 0.5 ? [{ sponsor: pick(rng, ['Bank Jateng', 'PT Djarum', 'Bank BTN', 'PT KAI']), amount: Math.round(between(rng, 10, 100)) * 1_000_000 }] : [];
    data.budget = { apbd: Math.round(between(rng, 100, 250)) * 1_000_000, csr };
  }
  if (kind === 'EVALUATION') {
    const scores = Object.fromEntries(WELFARE_DIMENSIONS.map((d) => [d, 1 + Math.floor(rng() * 5)]));
    const mean = Object.values(scores).reduce((a, b) => a + b, 0) / WELFARE_DIMENSIONS.length;
    data.scores = scores;
    data.rating = mean >= 4 ? 'BAIK' : mean >= 3 ? 'SEDANG' : 'KURANG';
  }
  return data;
}

/** The stages a case goes through, with their instants, up to now. */
function scriptMoves(rng: Rng, policy: ProgramPolicy, proposedAt: Date, now: Date, actor: string): ScriptMove[] {
  const moves: ScriptMove[] = [];
  let stage = 'PROPOSAL' as Stage;
  let at = proposedAt;
  let revised = false;
  const push = (to: Stage, when: Date, reason: string | null = null) => {
    const from: Stage = stage;
    moves.push({ seq: moves.length + 1, to, at: when, actorId: actor, reason, data: moveData(rng, from, to, moves.length + 1) });
    stage = to;
    at = when;
  };
  for (let guard = 0; guard < 40; guard++) {
    const next = plus(at, stayMs(rng, policy, stage as ChainStage, at));
    if (next.getTime() >= now.getTime()) {
      // Still in this stage now; a few are on hold (the hold is their last move).
      if (rng() < 0.03) {
        const holdAt = plus(at, between(rng, 0.2, 0.9) * (now.getTime() - at.getTime()));
        push('ON_HOLD', holdAt, demoReason('ON_HOLD') ?? 'Ditunda.');
      }
      break;
    }
    const r = rng();
    if ((stage === 'PROPOSAL' || stage === 'SURVEY') && r < 0.03) { push('WITHDRAWN', next, demoReason('WITHDRAWN')!); break; }
    if (stage === 'VERIFICATION') {
      if (r < 0.06) { push('REJECTED', next, demoReason('REJECTED')!); break; }
      if (r < 0.12 && !revised) { revised = true; push('PROPOSAL', next, 'Verifikasi: usulan perlu direvisi.'); continue; }
    }
    if (stage === 'EVALUATION') {
      if (r < 0.25) { push('IMPLEMENTATION', next); continue; }
      if (r < 0.37) { push('PLANNING', next, 'Hasil evaluasi kurang: pembinaan kembali.'); continue; }
      push('GRADUATED', next);
      continue;
    }
    if (stage === 'GRADUATED') {
      if (r < 0.35) push('CLOSED', next);
      else continue; // a role model stays under the lighter monitoring
      break;
    }
    push(STAGE_ORDER[STAGE_ORDER.indexOf(stage as ChainStage) + 1]!, next);
  }
  return moves;
}

export interface ScaleCase {
  script: CaseScript;
  rows: CaseRows;
}

/** One synthetic case: its script, then (in a second pass over the first pass's report periods)
 * its reports, and the rows. */
export function scaleCase(rng: Rng, ctx: ScaleContext, index: number): ScaleCase {
  const programCode = rng() < 0.5 ? 'KAMPUNG_TEMATIK' : 'KAMPUNG_SEJAHTERA_MANDIRI';
  const { policy } = ctx.policies[programCode]!;
  const region = pick(rng, ctx.regions[programCode]!);
  const proposedAt = new Date(ctx.now.getTime() - rng() * ctx.years * 365 * DAY);
  const officer = pick(rng, ctx.people.officers[programCode]!);
  const id = uuidFrom(rng);
  const moves = scriptMoves(rng, policy, proposedAt, ctx.now, officer);

  const stopAt = moves.find((m) => m.to === 'ON_HOLD' || m.to === 'GRADUATED' || m.to === 'CLOSED' || m.to === 'REJECTED' || m.to === 'WITHDRAWN')?.at ?? ctx.now;
  const designated = moves.find((m) => m.to === 'DESIGNATION');
  const endOrHold = moves.find((m) => m.to === 'ON_HOLD' || m.to === 'CLOSED' || m.to === 'REJECTED' || m.to === 'WITHDRAWN');
  const assignments: ScriptAssignment[] = [];
  const assign = (userId: string, role: AssignmentRole, lead: boolean, startedAt: Date) => {
    if (startedAt.getTime() >= ctx.now.getTime() || (endOrHold && startedAt.getTime() >= endOrHold.at.getTime())) return;
    assignments.push({ id: uuidFrom(rng), userId, role, lead, startedAt, createdBy: officer });
  };
  assign(officer, 'DINSOS_OFFICER', true, plus(proposedAt, between(rng, 0.5, 6) * DAY));
  if (designated) {
    assign(pick(rng, ctx.people.mentors), 'MENTOR', false, plus(designated.at, between(rng, 1, 14) * DAY));
    const architects = ctx.people.architectsByKecamatan[region.kecamatanCode];
    if (programCode === 'KAMPUNG_TEMATIK' && architects?.length) assign(pick(rng, architects), 'IAI_ARCHITECT', false, plus(designated.at, between(rng, 1, 30) * DAY));
  }

  // Visits: most on time, some late, a few waived; one team in four stops visiting at some point.
  const visits: CaseScript['visits'] = [];
  const waivers: CaseScript['waivers'] = [];
  for (const a of assignments) {
    const cadence = policy.visitCadence[a.role];
    if (!cadence) continue;
    const neglectFrom = rng() < 0.25 ? plus(a.startedAt, rng() * (stopAt.getTime() - a.startedAt.getTime())) : null;
    let from = a.startedAt;
    for (;;) {
      const due = addDuration(from, cadence);
      const r = rng();
      const at = r < 0.8 ? plus(due, -between(rng, 0, 4) * DAY) : r < 0.96 ? plus(due, between(rng, 0.1, 12) * DAY) : plus(due, between(rng, 0, 2) * DAY);
      const when = at.getTime() <= from.getTime() ? plus(from, DAY) : at;
      if (when.getTime() >= stopAt.getTime() || (neglectFrom && when.getTime() >= neglectFrom.getTime())) break;
      if (r >= 0.96 && r < 0.975) waivers.push({ assignmentId: a.id, at: when, reason: 'Banjir: kunjungan tidak dapat dilakukan.' });
      else visits.push({ id: uuidFrom(rng), assignmentId: a.id, visitedAt: when, kind: pick(rng, VISIT_KINDS), notes: 'Pendampingan kelompok usaha dan pengurus.', attendees: 5 + Math.floor(rng() * 30), followUps: [] });
      from = when;
    }
  }

  const script: CaseScript = {
    case: {
      id,
      programCode,
      kelurahanCode: region.kelurahanCode,
      kecamatanCode: region.kecamatanCode,
      rw: String(1 + Math.floor(rng() * 15)),
      name: `${pick(rng, THEMES)} RW ${String(1 + Math.floor(rng() * 15)).padStart(3, '0')} ${region.kelurahanName} #${index}`,
      theme: pick(rng, THEMES),
      profile: { households: 100 + Math.floor(rng() * 400), poorHouseholds: 20 + Math.floor(rng() * 100), potentials: ['Usaha rumahan'], problems: ['Pemasaran'] },
      proposer: { name: 'Ketua LPMK', organisation: `LPMK ${region.kelurahanName}` },
      createdBy: officer,
      proposedAt,
    },
    assignments,
    moves,
    visits,
    waivers,
    reports: [],
  };

  // Reports: the periods come from a first pass; most are sent on time, some late, some never.
  let idCounter = 0;
  const tempId = () => `tmp-${idCounter++}`;
  const draft = buildCaseRows(script, ctx.policies[programCode]!, ctx.now, tempId);
  const holdAt = moves.find((m) => m.to === 'ON_HOLD')?.at;
  const periods = new Set<string>();
  const mentor = assignments.find((a) => a.role === 'MENTOR')?.userId ?? officer;
  for (const o of draft.obligations) {
    if (o.kind !== 'MONITORING_REPORT' && o.kind !== 'GRADUATE_CHECK') continue;
    const r = rng();
    if (r >= 0.93) continue; // never sent
    const periodEnd = o.kind === 'MONITORING_REPORT' ? new Date(o.due_at.getTime() - 10 * DAY) : o.due_at;
    const at = r < 0.85 ? plus(periodEnd, between(rng, 0.2, 9.5) * DAY) : plus(o.due_at, between(rng, 0.5, 25) * DAY);
    const limit = Math.min(o.status === 'CANCELLED' ? o.status_changed_at.getTime() : ctx.now.getTime(), holdAt?.getTime() ?? Infinity);
    // One report per period (the API refuses a second); a check and a report can share a month.
    if (at.getTime() >= limit || periods.has(o.period_label!)) continue;
    periods.add(o.period_label!);
    const progress = rng() < 0.12 ? Math.round(between(rng, 20, 74)) : Math.round(between(rng, 75, 100));
    script.reports.push({
      id: uuidFrom(rng),
      period: o.period_label!,
      submittedAt: at,
      progressPercent: progress,
      budgetRealised: Math.round(between(rng, 5, 200)) * 1_000_000,
      problems: progress < 75 ? 'Pencairan anggaran terlambat.' : 'Tidak ada kendala berarti.',
      explanation: progress < 75 ? 'Kegiatan tertunda menunggu pencairan APBD.' : null,
      submittedBy: mentor,
    });
  }
  const rows = buildCaseRows(script, ctx.policies[programCode]!, ctx.now, () => uuidFrom(rng));
  return { script, rows };
}
