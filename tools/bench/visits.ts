/**
 * Visit benchmark: answer time of POST /api/cases/{id}/visits when 1, 2, 4… senders log visits on
 * ONE assignment at once (each level its own case and MENTOR assignment, held by a demo login
 * ASSIGNMENT_HOLDERS allows, who logs their own visits). Every visit has its own instant, so each
 * must close its own obligation (the same instant twice would be VISIT_ALREADY_LOGGED by design);
 * any answer but 201 counts as an error. After each level it checks that no obligation was claimed
 * twice: in the answers (fulfilledObligationId) and in PostgreSQL (visits linked, obligations
 * FULFILLED). The cadence is long (P14D unless the program already has it; put back afterwards), so
 * every obligation stays open until a visit closes it.
 */
import { performance } from 'node:perf_hooks';
import { createDb } from '@kampung/db';
import { may, type UserRole } from '@kampung/domain';
import type { ApiClient } from '../client/api-client';
import { inParallel } from './in-parallel';
import type { BenchPeople } from './people';
import { percentile } from './percentile';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const CADENCE = 'P14D';

export interface VisitSizes {
  /** Visits sent per level (on that level's one assignment). */
  visits: number;
  /** Concurrent senders of each level. Default 1, 2 and 4. */
  senders?: number[];
}

interface Level {
  senders: number;
  times: number[];
  ok: number;
  errors: Map<string, number>;
  wallMs: number;
  /** 201 answers that name an obligation another 201 answer named too. */
  doubleInAnswers: number;
  /** Visits of the assignment linked to an obligation, distinct obligations among them, VISIT obligations FULFILLED. */
  linked: number;
  distinctLinked: number;
  fulfilled: number;
}

export async function benchVisits(people: BenchPeople, databaseUrl: string, sizes: VisitSizes): Promise<string> {
  const { visits, senders = [1, 2, 4] } = sizes;
  const admin = await people.allowedTo('policy.edit');
  const original = (await admin.get(`/api/programs/${KSM}/policy`)).body;
  const db = createDb(databaseUrl, { max: 2 });
  const levels: Level[] = [];
  try {
    if (original.policy.visitCadence?.MENTOR !== CADENCE) {
      const changed = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
        baseVersion: original.version,
        changeNote: `bench: visit cadence ${CADENCE}`,
        policy: { ...original.policy, visitCadence: { ...original.policy.visitCadence, MENTOR: CADENCE } },
      });
      if (changed.status !== 200) throw new Error(`policy: ${changed.status} ${JSON.stringify(changed.body)}`);
    }
    const proposer = await people.allowedTo('case.propose');
    const assigner = await people.allowedTo('case.assign');
    const mentor = await people.holder('MENTOR');
    // The holder logs their own visits when their role may; else someone of Dinas Sosial for them.
    const me = await mentor.api.get<{ role: UserRole }>('/api/me');
    const sender: ApiClient = may(me.body.role, 'visit.log') ? mentor.api : await people.allowedTo('visit.log');

    for (const concurrent of senders) {
      const kampung = await proposer.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: String(1 + (levels.length % 20)) });
      const assigned = await assigner.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' });
      if (assigned.status !== 201) throw new Error(`assignment: ${assigned.status} ${JSON.stringify(assigned.body)}`);
      const assignmentId: string = assigned.body.id;

      // Distinct instants, one millisecond apart, all in the past (and after the assignment began).
      const t0 = Date.now();
      while (Date.now() < t0 + visits + 1) await new Promise((r) => setTimeout(r, 5));
      const level: Level = { senders: concurrent, times: [], ok: 0, errors: new Map(), wallMs: 0, doubleInAnswers: 0, linked: 0, distinctLinked: 0, fulfilled: 0 };
      const claimed: string[] = [];
      const started = performance.now();
      await inParallel(visits, concurrent, async (i) => {
        const sent = performance.now();
        const res = await sender.post(`/api/cases/${kampung.id}/visits`, {
          assignmentId,
          visitedOn: new Date(t0 + i).toISOString(),
          kind: 'MENTORING',
          notes: `bench visit ${i + 1} of ${visits}, ${concurrent} senders`,
        });
        level.times.push(performance.now() - sent);
        if (res.status === 201) {
          level.ok++;
          claimed.push(res.body.fulfilledObligationId);
        } else {
          const key = `${res.status} ${res.body?.code ?? res.body?.error?.code ?? ''}`.trim();
          level.errors.set(key, (level.errors.get(key) ?? 0) + 1);
        }
      });
      level.wallMs = performance.now() - started;
      level.doubleInAnswers = claimed.length - new Set(claimed).size;

      const linked = await db
        .selectFrom('visits')
        .select((eb) => [eb.fn.count<string>('obligation_id').as('linked'), eb.fn.count<string>('obligation_id').distinct().as('distinct')])
        .where('assignment_id', '=', assignmentId)
        .executeTakeFirstOrThrow();
      const { fulfilled } = await db
        .selectFrom('obligations')
        .select((eb) => eb.fn.countAll<string>().as('fulfilled'))
        .where('assignment_id', '=', assignmentId)
        .where('kind', '=', 'VISIT')
        .where('status', '=', 'FULFILLED')
        .executeTakeFirstOrThrow();
      level.linked = Number(linked.linked);
      level.distinctLinked = Number(linked.distinct);
      level.fulfilled = Number(fulfilled);
      levels.push(level);
    }
  } finally {
    const now = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    if (now.version !== original.version) {
      await admin.request('PUT', `/api/programs/${KSM}/policy`, { baseVersion: now.version, changeNote: 'bench: policy as before', policy: original.policy });
    }
    await db.destroy();
  }

  const row = (l: Level) => {
    const errors = [...l.errors].map(([key, n]) => `${n} × ${key}`).join(', ');
    // A double claim: two answers naming one obligation, or two visits linked to one in PostgreSQL,
    // or fewer obligations fulfilled than visits logged.
    const double = Math.max(l.doubleInAnswers, l.linked - l.distinctLinked, l.ok - l.fulfilled);
    return (
      `| ${l.senders} | ${l.times.length} | ${percentile(l.times, 50).toFixed(1)} | ${percentile(l.times, 99).toFixed(1)} | ` +
      `${(l.ok / (l.wallMs / 1000)).toFixed(1)} | ${l.times.length - l.ok}${errors ? ` (${errors})` : ''} | ${double} | ` +
      `${l.ok} / ${l.distinctLinked} / ${l.fulfilled} |`
    );
  };
  return [
    `${visits} visits per level on one MENTOR assignment (cadence ${CADENCE}), each at its own instant`,
    '',
    '| senders | visits | p50 ms | p99 ms | visits/s (201s) | errors (non-201) | double claims | 201s / distinct obligations linked / FULFILLED in PostgreSQL |',
    '|---|---|---|---|---|---|---|---|',
    ...levels.map(row),
  ].join('\n');
}
