/**
 * Outage benchmark (issue 13): on a stack of its own (./../stack/outage-stack.ts: PostgreSQL, a
 * Temporal dev server on SQLite, the real worker and API processes), each fault `repetitions` times:
 *  - PostgreSQL stopped and started again: from "accepting connections" to the API's first 200 on
 *    GET /api/cases (signed in), asked every `pollMs`;
 *  - the worker killed (SIGKILL) and started again after the supervisor's first pause
 *    (DEFAULT_RESTART_POLICY.initialDelayMs, as `npm start` would): its start-up (spawn → RUNNING),
 *    and from its spawn to the next processed task, once a stage transition sent while it was down
 *    (answered 200; asked again with its Idempotency-Key if the API's bound answered first) — with
 *    the workflow code bundled at start as in `npm start`, and prebuilt as in the production image —
 *    and once a visit obligation whose timer fell due while it was down (its row leaves UPCOMING);
 *  - PostgreSQL and then the Temporal server frozen (SIGSTOP): how long GET /api/cases, GET
 *    /api/cases/{id} and a transition take to answer (the bound: a 503 within 5 s), and
 *    from SIGCONT to the first 200.
 * Numbers, not assertions: each answer's status and the dependency a 503 names are counted beside it.
 */
import { join } from 'node:path';
import { createDb } from '@kampung/db';
import { writeWorkflowBundle } from '../build/workflow-bundle';
import { HttpSession, type Answer } from '../client/http-session';
import { proposal } from '../client/api-client';
import type { Log } from '../stack/log';
import { askUntil, startOutageStack } from '../stack/outage-stack';
import { DEFAULT_RESTART_POLICY } from '../stack/supervisor';
import { percentile } from './percentile';

export interface OutageSizes {
  /** Times each fault is caused. */
  repetitions: number;
  /** How often the way back is asked (default 50 ms). */
  pollMs?: number;
  /** The visit cadence of the timer measurement (its obligation falls due 5 s before it); default 10 s. */
  cadenceSeconds?: number;
}

const ADMIN = { email: 'bench-outage-admin@kampung.test', password: 'uji-ketahanan-bench-1', name: 'Admin Bench Ketahanan', role: 'ADMIN' };
const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const BOUND_MS = 5_000;

interface Figure {
  measure: string;
  samples: number[];
  /** What came back, e.g. "503 PostgreSQL 5/5". */
  note: string;
}

/** "503 PostgreSQL 4/5, 200 1/5": what the answers were, by kind. */
function answeredAs(answers: Answer[]): string {
  const kinds = new Map<string, number>();
  for (const a of answers) {
    const kind = a.status === 503 ? `503 ${a.body?.dependency ?? '(no dependency named)'}` : String(a.status);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, n]) => `${kind} ${n}/${answers.length}`).join(', ');
}

export async function benchOutages(sizes: OutageSizes, log: Log): Promise<string> {
  const { repetitions, pollMs = 50, cadenceSeconds = 10 } = sizes;
  const measuredAt = new Date();
  log.info(`outages: starting a stack of their own (${repetitions} repetitions of each fault)`);
  const stack = await startOutageStack({ users: [ADMIN], taskQueue: 'bench-outages' });
  try {
    const session = await HttpSession.signIn(stack.apiUrl, { email: ADMIN.email, password: ADMIN.password });
    const poll = { everyMs: pollMs, timeoutMs: 120_000 };
    const ok = (status: number) => (a: Answer) => a.status === status;
    let keys = 0;
    const key = (what: string) => `bench-outage-${what}-${Date.now()}-${++keys}`;
    const propose = async (overrides = {}): Promise<string> => {
      const res = await session.post('/api/cases', proposal(overrides));
      if (res.status !== 201) throw new Error(`proposal: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const move = (caseId: string, to: 'ON_HOLD' | 'PROPOSAL', idempotencyKey: string) =>
      session.post(`/api/cases/${caseId}/transitions`, { to, ...(to === 'ON_HOLD' ? { reason: 'uji ketahanan' } : {}) }, { 'Idempotency-Key': idempotencyKey });
    const figures: Figure[] = [];
    const figure = (measure: string, samples: number[], note = '') => figures.push({ measure, samples, note });

    // 1. PostgreSQL stopped, then back.
    {
      const restart: number[] = [];
      const to200: number[] = [];
      const whileDown: Answer[] = [];
      const firstAnswers: Answer[] = [];
      for (let i = 0; i < repetitions; i++) {
        // Connections in the pools, as in a product in use: the stop ends them.
        if ((await session.get('/api/cases')).status !== 200) throw new Error('GET /api/cases before the stop was not 200');
        await stack.stopPostgres();
        whileDown.push(await session.get('/api/cases'));
        const starting = Date.now();
        await stack.startPostgres();
        const back = Date.now();
        restart.push(back - starting);
        const first = await askUntil(() => session.get('/api/cases'), ok(200), { ...poll, what: 'GET /api/cases 200 after PostgreSQL is back' });
        to200.push(first.at - back);
        firstAnswers.push(...first.answers.slice(0, -1));
        log.info(`outages: PostgreSQL back → first 200 in ${first.at - back} ms (${i + 1}/${repetitions})`);
      }
      figure('PostgreSQL stopped: GET /api/cases answers in', whileDown.map((a) => a.ms), answeredAs(whileDown));
      figure('PostgreSQL start again (stopped → accepting connections)', restart);
      figure('**PostgreSQL back → first 200 on GET /api/cases**', to200, firstAnswers.length ? `asked before the 200: ${answeredAs(firstAnswers)}` : 'the first ask was a 200');
    }

    // 2a. Worker killed with a transition sent while it is down: as `npm start` runs it (the
    // workflow code bundled at every start), and with the prebuilt bundle of the production image.
    const bundle = join(stack.dir, 'workflow-bundle.js');
    await writeWorkflowBundle(bundle);
    const forms: { name: string; env: Record<string, string> }[] = [
      { name: 'bundles its workflows at start (npm start)', env: {} },
      { name: 'prebuilt WORKFLOW_BUNDLE (production image)', env: { WORKFLOW_BUNDLE: bundle } },
    ];
    for (const form of forms) {
      const startUp: number[] = [];
      const spawnTo200: number[] = [];
      const runningTo200: number[] = [];
      const killTo200: number[] = [];
      const firstAsks: Answer[] = [];
      for (let i = 0; i < repetitions; i++) {
        const caseId = await propose();
        await stack.killWorker();
        const killed = Date.now();
        const k = key('worker');
        let firstAt = 0;
        const pending = move(caseId, 'ON_HOLD', k).then((a) => ((firstAt = Date.now()), a));
        await sleep(killed + DEFAULT_RESTART_POLICY.initialDelayMs - Date.now());
        const { spawnedAt, runningAt } = await stack.startWorker(form.env);
        const first = await pending;
        firstAsks.push(first);
        const doneAt = first.status === 200 ? firstAt : (await askUntil(() => move(caseId, 'ON_HOLD', k), ok(200), { ...poll, what: 'the move after the worker restart' })).at;
        startUp.push(runningAt - spawnedAt);
        spawnTo200.push(doneAt - spawnedAt);
        runningTo200.push(doneAt - runningAt);
        killTo200.push(doneAt - killed);
        log.info(`outages: worker (${form.name}) spawned → move answered 200 in ${doneAt - spawnedAt} ms (${i + 1}/${repetitions})`);
      }
      figure(`worker start-up (spawn → RUNNING), ${form.name}`, startUp);
      figure(`**worker spawn → transition sent while it was down answered 200**, ${form.name}`, spawnTo200, `the ask sent while down: ${answeredAs(firstAsks)}`);
      figure(`worker RUNNING → that transition answered 200, ${form.name}`, runningTo200);
      figure(`worker kill → that transition answered 200 (supervisor pause ${DEFAULT_RESTART_POLICY.initialDelayMs} ms included), ${form.name}`, killTo200);
    }

    // 2b. Worker killed before a visit obligation's timer falls due.
    {
      const admin = await session.get('/api/me');
      const original = (await session.get(`/api/programs/${KSM}/policy`)).body;
      const cadence = `PT${cadenceSeconds}S`;
      const changed = await session.request('PUT', `/api/programs/${KSM}/policy`, {
        baseVersion: original.version,
        changeNote: 'bench: second-scale cadence',
        policy: { ...original.policy, visitCadence: { MENTOR: cadence, DINSOS_OFFICER: cadence }, reminderLead: 'PT5S', visitGrace: 'PT1H', escalationDelay: 'PT1H' },
      });
      if (changed.status !== 200) throw new Error(`policy: ${changed.status} ${JSON.stringify(changed.body)}`);
      const startUp: number[] = [];
      const spawnToDue: number[] = [];
      const runningToDue: number[] = [];
      const lateness: number[] = [];
      const db = createDb(stack.databaseUrl, { max: 2 });
      try {
        for (let i = 0; i < repetitions; i++) {
          const caseId = await propose({ programCode: KSM, kelurahanCode: '36.71.07.1013' });
          const assigned = await session.post(`/api/cases/${caseId}/assignments`, { userId: admin.body.id, role: 'DINSOS_OFFICER' });
          if (assigned.status !== 201) throw new Error(`assignment: ${assigned.status} ${JSON.stringify(assigned.body)}`);
          const obligation = () =>
            db.selectFrom('obligations').select(['status', 'opens_at']).where('assignment_id', '=', assigned.body.id).where('kind', '=', 'VISIT').executeTakeFirst();
          const scheduled = await askUntil(obligation, (row) => row !== undefined, { everyMs: pollMs, timeoutMs: 60_000, what: 'the visit obligation' });
          await stack.killWorker();
          const killed = Date.now();
          const opensAt = scheduled.last!.opens_at.getTime();
          if (scheduled.last!.status !== 'UPCOMING' || opensAt < killed) throw new Error(`the obligation opened before the worker was killed: raise cadenceSeconds (${cadenceSeconds})`);
          // Started again once its timer is due, and no sooner than the supervisor would.
          await sleep(Math.max(opensAt + 500, killed + DEFAULT_RESTART_POLICY.initialDelayMs) - Date.now());
          const { spawnedAt, runningAt } = await stack.startWorker();
          const due = await askUntil(obligation, (row) => row?.status !== 'UPCOMING', { ...poll, what: 'the obligation to leave UPCOMING' });
          startUp.push(runningAt - spawnedAt);
          spawnToDue.push(due.at - spawnedAt);
          runningToDue.push(due.at - runningAt);
          lateness.push(due.at - opensAt);
          log.info(`outages: worker spawned → obligation ${due.last?.status} in ${due.at - spawnedAt} ms (${i + 1}/${repetitions})`);
        }
      } finally {
        await db.destroy();
      }
      figure('worker start-up (spawn → RUNNING), bundles its workflows at start', startUp);
      figure('**worker spawn → obligation whose timer fell due while it was down leaves UPCOMING**', spawnToDue);
      figure('worker RUNNING → that obligation leaves UPCOMING', runningToDue);
      figure('due instant → that obligation leaves UPCOMING (worker down through it)', lateness);
    }

    // 3a. PostgreSQL frozen.
    {
      const list: Answer[] = [];
      const moves: Answer[] = [];
      const to200: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        const caseId = await propose();
        if ((await session.get('/api/cases')).status !== 200) throw new Error('GET /api/cases before the freeze was not 200');
        stack.signalPostgres('SIGSTOP');
        let thawed: number;
        try {
          const [l, m] = await Promise.all([session.get('/api/cases'), move(caseId, 'ON_HOLD', key('pg-freeze'))]);
          list.push(l);
          moves.push(m);
        } finally {
          stack.signalPostgres('SIGCONT');
          thawed = Date.now();
        }
        const first = await askUntil(() => session.get('/api/cases'), ok(200), { ...poll, what: 'GET /api/cases 200 after SIGCONT' });
        to200.push(first.at - thawed);
      }
      figure('**PostgreSQL frozen: GET /api/cases answers in**', list.map((a) => a.ms), answeredAs(list));
      figure('**PostgreSQL frozen: a transition answers in**', moves.map((a) => a.ms), answeredAs(moves));
      figure('PostgreSQL SIGCONT → first 200 on GET /api/cases', to200);
    }

    // 3b. Temporal frozen.
    {
      const list: Answer[] = [];
      const detail: Answer[] = [];
      const moves: Answer[] = [];
      const to200: number[] = [];
      const toMoved: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        const caseId = await propose();
        const k = key('temporal-freeze');
        stack.signalTemporal('SIGSTOP');
        let thawed: number;
        try {
          const [l, d, m] = await Promise.all([session.get('/api/cases'), session.get(`/api/cases/${caseId}`), move(caseId, 'ON_HOLD', k)]);
          list.push(l);
          detail.push(d);
          moves.push(m);
        } finally {
          stack.signalTemporal('SIGCONT');
          thawed = Date.now();
        }
        const first = await askUntil(() => session.get(`/api/cases/${caseId}`), ok(200), { ...poll, what: 'GET /api/cases/{id} 200 after SIGCONT' });
        to200.push(first.at - thawed);
        const moved = await askUntil(() => move(caseId, 'ON_HOLD', k), ok(200), { ...poll, what: 'the move after SIGCONT' });
        toMoved.push(moved.at - thawed);
      }
      figure('Temporal frozen: GET /api/cases (PostgreSQL alone) answers in', list.map((a) => a.ms), answeredAs(list));
      figure('**Temporal frozen: GET /api/cases/{id} (queries its workflow) answers in**', detail.map((a) => a.ms), answeredAs(detail));
      figure('**Temporal frozen: a transition answers in**', moves.map((a) => a.ms), answeredAs(moves));
      figure('Temporal SIGCONT → first 200 on GET /api/cases/{id}', to200);
      figure('Temporal SIGCONT → the transition answered 200 (same Idempotency-Key)', toMoved);
    }

    const alive = (['api', 'worker'] as const).filter((name) => stack.isRunning(name));
    return [
      `Outages, ${measuredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${repetitions} repetition(s) of each fault, the way back asked every ${pollMs} ms, on a stack of its own ` +
        `(embedded PostgreSQL, Temporal dev server on SQLite, one worker, one API). The bound of issue 13: a 503 within ${BOUND_MS / 1000} s. ` +
        `Still running at the end, never restarted except the worker kills: ${alive.join(' and ') || 'neither the API nor the worker'}.`,
      '',
      '| measure | n | median ms | max ms | answers |',
      '|---|---|---|---|---|',
      ...figures.map(({ measure, samples, note }) => `| ${measure} | ${samples.length} | ${percentile(samples, 50)} | ${Math.max(...samples)} | ${note} |`),
    ].join('\n');
  } finally {
    await stack.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
