/**
 * Timer benchmark: N cases with two assignments each (MENTOR and DINSOS_OFFICER, each held by a
 * demo login ASSIGNMENT_HOLDERS allows) on a second-scale cadence. Measures, for the first
 * obligation of every assignment, how late PostgreSQL shows DUE (status_changed_at − opens_at), and
 * on a sample of workflows how late Temporal fired the timer (TimerFired event time − (TimerStarted
 * time + its timeout)). The program's policy is put back afterwards (as a new version).
 */
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '@kampung/db';
import type { AssignmentRole } from '@kampung/domain';
import { inParallel } from './in-parallel';
import type { BenchPeople } from './people';
import { percentile } from './percentile';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const POSITIONS: AssignmentRole[] = ['MENTOR', 'DINSOS_OFFICER'];

/** Runs `send` again (up to 5 times, 2 s apart) while it fails with a 503. */
async function onceServed<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5 || !(error instanceof Error) || !/\b503\b/.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

export interface TimerSizes {
  cases: number;
  /** The shortest visit cadence; longer when the set-up of `cases` needs it. Default 60 s. */
  minCadenceSeconds?: number;
}

export async function benchTimers(people: BenchPeople, env: Record<string, string | undefined>, sizes: TimerSizes): Promise<string> {
  const { cases, minCadenceSeconds = 60 } = sizes;
  const admin = await people.allowedTo('policy.edit');
  const original = (await admin.get(`/api/programs/${KSM}/policy`)).body;
  const db = createDb(env.DATABASE_URL!, { max: 4 });
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE ?? 'default' });
  try {
    const proposer = await people.allowedTo('case.propose');
    const assigner = await people.allowedTo('case.assign');
    const holders = await Promise.all(POSITIONS.map(async (position) => ({ position, id: (await people.holder(position)).id })));
    // Cadences long enough that every assignment exists before the first timers fire.
    const cadenceSeconds = Math.max(minCadenceSeconds, Math.ceil(cases / 4));
    const cadence = `PT${cadenceSeconds}S`;
    const changed = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: original.version,
      changeNote: 'bench: second-scale cadence',
      policy: { ...original.policy, visitCadence: { MENTOR: cadence, DINSOS_OFFICER: cadence }, reminderLead: 'PT5S', visitGrace: 'PT1H', escalationDelay: 'PT1H' },
    });
    if (changed.status !== 200) throw new Error(`policy: ${changed.status} ${JSON.stringify(changed.body)}`);

    const started = performance.now();
    const assignmentIds: string[] = [];
    await inParallel(cases, 10, async (i) => {
      // An overloaded machine answers some writes 503 (Temporal's deadline); they are sent again,
      // as a user would, and an assignment that was made after all is found rather than made twice.
      const kampung = await onceServed(() => proposer.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: String(1 + (i % 20)) }));
      for (const { position, id } of holders) {
        const assignmentId = await onceServed(async () => {
          const res = await assigner.post(`/api/cases/${kampung.id}/assignments`, { userId: id, role: position });
          if (res.status === 201) return res.body.id as string;
          if (res.status === 503) {
            const made = (await assigner.get(`/api/cases/${kampung.id}/assignments`)).body as { id: string; user: { id: string }; role: string; endedAt: string | null }[] | undefined;
            const found = made?.find((a) => a.user.id === id && a.role === position && !a.endedAt);
            if (found) return found.id;
          }
          throw new Error(`assignment: ${res.status} ${JSON.stringify(res.body)}`);
        });
        assignmentIds.push(assignmentId);
      }
    });
    const setupSeconds = (performance.now() - started) / 1000;
    if (setupSeconds * 1000 > cadenceSeconds * 1000 - 5000) throw new Error('set-up outlasted the cadence: raise it');

    // Wait until every first obligation has left UPCOMING (bounded); grace is an hour, so it stays DUE.
    const deadline = Date.now() + Math.min(10 * 60_000, cadenceSeconds * 1000 + 2 * 60_000);
    for (;;) {
      const { n } = await db
        .selectFrom('obligations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('assignment_id', 'in', assignmentIds)
        .where('kind', '=', 'VISIT')
        .where('status', '!=', 'UPCOMING')
        .executeTakeFirstOrThrow();
      if (Number(n) >= assignmentIds.length || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const rows = await db
      .selectFrom('obligations')
      .select(['status', 'opens_at', 'status_changed_at'])
      .where('assignment_id', 'in', assignmentIds)
      .where('kind', '=', 'VISIT') // the cases' own stage deadlines fall to the officer's assignment too
      .execute();
    const due = rows.filter((r) => r.status === 'DUE');
    const pgLag = due.map((r) => r.status_changed_at.getTime() - r.opens_at.getTime());

    const timerLateness: number[] = [];
    for (const id of assignmentIds.filter((_, i) => i % Math.max(1, Math.floor(assignmentIds.length / 100)) === 0)) {
      const history = await client.workflow.getHandle(`visits-${id}`).fetchHistory();
      const startedAt = new Map<string, number>();
      for (const event of history.events ?? []) {
        const at = Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);
        const s = event.timerStartedEventAttributes;
        if (s?.timerId) {
          const timeout = Number(s.startToFireTimeout?.seconds ?? 0) * 1000 + Math.floor((s.startToFireTimeout?.nanos ?? 0) / 1e6);
          startedAt.set(s.timerId, at + timeout);
        }
        const f = event.timerFiredEventAttributes;
        if (f?.timerId && startedAt.has(f.timerId)) timerLateness.push(at - startedAt.get(f.timerId)!);
      }
    }
    return [
      `${cases} cases × 2 assignments = ${assignmentIds.length} visit cadences (cadence ${cadence}, DUE 5 s before); set-up ${setupSeconds.toFixed(1)} s; ${due.length}/${rows.length} first obligations DUE`,
      '',
      '| measure | samples | p50 ms | p99 ms | max ms |',
      '|---|---|---|---|---|',
      `| timer lateness (TimerFired − due), sampled workflows | ${timerLateness.length} | ${percentile(timerLateness, 50)} | ${percentile(timerLateness, 99)} | ${Math.max(...timerLateness)} |`,
      `| PostgreSQL shows DUE (status_changed_at − opens_at) | ${pgLag.length} | ${percentile(pgLag, 50)} | ${percentile(pgLag, 99)} | ${Math.max(...pgLag)} |`,
    ].join('\n');
  } finally {
    const now = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    if (now.version !== original.version) {
      await admin.request('PUT', `/api/programs/${KSM}/policy`, { baseVersion: now.version, changeNote: 'bench: policy as before', policy: original.policy });
    }
    await connection.close();
    await db.destroy();
  }
}
