// npm test: beside the shared stack (its own services): its own API and worker processes, its own
// database on the shared PostgreSQL server and its own namespace on the shared Temporal server.
/**
 * Background work on Temporal (issue 13, point 4): a household import and duplicate detection run as
 * workflows on the worker's background task queue. The API only stores the upload and starts them;
 * a worker killed mid-import, or an API restarted, changes nothing of the outcome; a cancelled
 * import writes nothing. Each test runs its own API and worker processes on a task queue of its own,
 * in a namespace and a database of this file's own: its imports and detection runs touch nothing of
 * the other files, which run at the same time.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import { prepareDatabase } from '@kampung/tools/migrate/prepare-database';
import { dropDatabase, ensureDatabase, freePort, withDatabase } from '@kampung/tools/stack/postgres';
import { ApiClient } from './support/api-client';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { env } from './support/env';
import { eventually, registerTestNamespace, withTemporal as withStackTemporal } from './support/temporal';
import { exited, startWorkerProcess } from './support/worker-process';

const KELURAHAN = '33.74.08.1005';
const HEADER = 'no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber';
const ENDED = ['DONE', 'REFUSED', 'FAILED', 'CANCELLED'];

/** A name no other person in the registry is like (duplicate detection finds nothing in a file). */
function nameOf(n: number, salt: number): string {
  const letters = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  let x = (n * 2654435761 + salt * 40503) >>> 0;
  const word = () => {
    let w = '';
    for (let i = 0; i < 4; i++) {
      w += letters[x % letters.length]! + vowels[(x >>> 5) % vowels.length]!;
      x = (x * 1103515245 + 12345) >>> 0;
    }
    return w[0]!.toUpperCase() + w.slice(1);
  };
  return `${word()} ${word()}`;
}

/** `households` families of four, their KK and NIK unique to this run (`tag`). */
function registryList(households: number, tag: number) {
  const lines = [HEADER];
  const niks: string[] = [];
  const kks: string[] = [];
  const id = (prefix: string, n: number) => `${prefix}${String(tag).padStart(5, '0')}${String(n).padStart(9, '0')}`;
  for (let h = 0; h < households; h++) {
    const kk = id('34', h);
    kks.push(kk);
    const rt = String((h % 9) + 1);
    const members: [string, string, 'L' | 'P'][] = [['KEPALA KELUARGA', '1979-04-12', 'L'], ['ISTRI', '1982-09-03', 'P'], ['ANAK', '2008-01-27', 'L'], ['ANAK', '2012-06-15', 'P']];
    members.forEach(([relation, birth, sex], m) => {
      const nik = id('33', h * 4 + m);
      niks.push(nik);
      lines.push([kk, nik, nameOf(h * 4 + m, tag), birth, sex, relation, `Jl. Uji Latar ${h}`, rt, '4', KELURAHAN, '3', '', '2026-10-31', 'DTKS'].join(','));
    });
  }
  return { csv: `${lines.join('\n')}\n`, niks, kks, rows: lines.length - 1 };
}

describe('background work on Temporal: imports and duplicate detection on the worker', () => {
  const queue = `background-test-${Date.now()}`;
  const namespace = queue;
  const databaseName = queue.replaceAll('-', '_');
  const databaseUrl = withDatabase(env.databaseUrl, databaseName);
  const processEnv = { BACKGROUND_TASK_QUEUE: queue, TEMPORAL_TASK_QUEUE: `${queue}-cases`, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: databaseUrl };
  const withTemporal = <T>(run: Parameters<typeof withStackTemporal<T>>[0]) => withStackTemporal(run, namespace);
  let db: Db;
  let tag = (Date.now() % 90_000) + 10_000;
  const started: ChildProcess[] = [];

  before(async () => {
    await ensureDatabase(env.databaseUrl, databaseName);
    await prepareDatabase(databaseUrl, [{ ...env.officer(), name: 'Petugas Impor', role: 'OFFICER' }]);
    await registerTestNamespace(namespace);
    db = createDb(databaseUrl, { max: 2 });
  });
  after(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    // No workflow of this namespace is left running (no worker polls it any more).
    await withTemporal(async (client) => {
      const running = [];
      for await (const w of client.workflow.list({ query: `TaskQueue = '${queue}' AND ExecutionStatus = 'Running'` })) running.push(w.workflowId);
      const detection = await client.workflow.getHandle('duplicate-detection').describe().catch(() => undefined);
      if (detection?.status.name === 'RUNNING' && detection.taskQueue === queue) running.push('duplicate-detection');
      for (const id of new Set(running)) await client.workflow.getHandle(id).terminate('background-imports test over').catch(() => undefined);
    });
    await db?.destroy();
    await dropDatabase(env.databaseUrl, databaseName).catch(() => undefined);
  });

  async function api(): Promise<{ proc: ApiProcess; officer: ApiClient }> {
    // A loaded machine can take seconds to hand out a first connection: not what is tested here.
    const proc = await startApiProcess(await freePort(), { ...processEnv, DATABASE_CONNECT_TIMEOUT_MS: '20000' });
    started.push(proc.child);
    return { proc, officer: await ApiClient.signedIn(env.officer(), proc.url) };
  }
  async function worker(): Promise<ChildProcess> {
    const child = await startWorkerProcess(processEnv);
    started.push(child);
    return child;
  }
  async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited(child);
  }
  async function upload({ proc, officer: client }: { proc: ApiProcess; officer: ApiClient }, body: string) {
    const res = await fetch(`${proc.url}/api/household-imports?filename=uji-latar.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: client.cookieHeader(), 'x-csrf-token': client.csrfToken() },
      body,
    });
    const answer = (await res.json()) as { id: string; status: string };
    assert.equal(res.status, 202, JSON.stringify(answer));
    return answer;
  }
  const importOf = async (client: ApiClient, id: string) => (await client.get(`/api/household-imports/${id}`)).body;
  /** Polls until `ready` holds of the import (fast: the moment matters). */
  async function when(client: ApiClient, id: string, ready: (i: any) => boolean, timeoutMs = 120_000) {
    return eventually(async () => {
      const current = await importOf(client, id);
      assert.ok(ready(current), `import is ${current.status} (${current.processedRows}/${current.totalRows})`);
      return current;
    }, { timeoutMs, intervalMs: 50 });
  }
  const ended = (client: ApiClient, id: string, timeoutMs = 180_000) => when(client, id, (i) => ENDED.includes(i.status), timeoutMs);
  const writing = (i: any) => i.status === 'WRITING' && i.processedRows > 0;
  async function stored(list: { niks: string[]; kks: string[] }) {
    const persons = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).where('nik', '=', sql<string>`any(${list.niks}::text[])`).executeTakeFirstOrThrow();
    const households = await db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).where('kk', '=', sql<string>`any(${list.kks}::text[])`).executeTakeFirstOrThrow();
    return { persons: Number(persons.n), households: Number(households.n) };
  }
  const audits = async (id: string) =>
    (await db.selectFrom('audit_log').select('after').where('action', '=', 'HOUSEHOLDS_IMPORTED').where('subject_id', '=', id).execute()).length;
  const chunks = async (id: string) =>
    Number((await db.selectFrom('household_import_chunks').select((eb) => eb.fn.countAll<string>().as('n')).where('import_id', '=', id).executeTakeFirstOrThrow()).n);

  test('when the worker is killed in the middle of writing an import, then a restarted worker finishes it once: exact counts, no duplicate rows', async () => {
    const list = registryList(2000, (tag += 1));
    const served = await api();
    const { proc, officer } = served;
    let first = await worker();
    try {
      const { id } = await upload(served, list.csv);
      await when(officer, id, writing);
      first.kill('SIGKILL');
      await exited(first);
      assert.deepEqual(await stored(list), { persons: 0, households: 0 }, 'nothing of the cut-off attempt is in the registry');
      first = await worker();
      const done = await ended(officer, id);
      assert.equal(done.status, 'DONE', JSON.stringify({ ...done, problems: done.problems.slice(0, 3) }));
      assert.deepEqual(
        [done.totalRows, done.processedRows, done.households, done.personsCreated + done.personsUpdated + done.personsUnchanged, done.personsCreated],
        [list.rows, list.rows, list.kks.length, list.rows, list.rows],
      );
      assert.deepEqual(await stored(list), { persons: list.niks.length, households: list.kks.length }, 'each household and person once');
      assert.equal(await audits(id), 1, 'audited once, however many attempts it took');
      assert.equal(await chunks(id), 0, 'the stored file is gone once the import is written');
      const attempts = await withTemporal(async (client) => {
        const history = await client.workflow.getHandle(`household-import-${id}`).fetchHistory();
        const started = history.events?.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes;
        return started?.attempt ?? 0;
      });
      assert.ok(attempts >= 2, `the activity ran again after the kill (attempt ${attempts})`);
    } finally {
      await stop(first);
      await stop(proc.child);
    }
  });

  test('when the API that took an import is killed and another starts, then the import goes on to DONE (nothing marks it failed)', async () => {
    const list = registryList(800, (tag += 1));
    const w = await worker();
    const first = await api();
    try {
      const { id } = await upload(first, list.csv);
      await when(first.officer, id, (i) => !ENDED.includes(i.status) && i.processedRows > 0);
      await stop(first.proc.child, 'SIGKILL');
      const second = await api();
      try {
        const done = await ended(second.officer, id);
        assert.equal(done.status, 'DONE', JSON.stringify({ ...done, problems: done.problems.slice(0, 3) }));
        assert.deepEqual(await stored(list), { persons: list.niks.length, households: list.kks.length });
      } finally {
        await stop(second.proc.child);
      }
    } finally {
      await stop(w);
    }
  });

  test('when an import is cancelled while it writes, then it ends CANCELLED and nothing of it is in the registry', async () => {
    // Large enough that its write lasts well beyond the second a cancellation takes to reach it
    // (at its next heartbeat) on an idle machine; one that came too late would find it DONE.
    const list = registryList(8000, (tag += 1));
    const w = await worker();
    const served = await api();
    const { proc, officer } = served;
    try {
      const { id } = await upload(served, list.csv);
      await when(officer, id, writing);
      const cancelled = await officer.post(`/api/household-imports/${id}/cancel`);
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const end = await ended(officer, id, 60_000);
      assert.equal(end.status, 'CANCELLED');
      assert.ok(end.finishedAt, 'it has ended');
      assert.deepEqual(await stored(list), { persons: 0, households: 0 }, 'no household, no person of the file');
      assert.equal(await audits(id), 0);
      const cancellations = await db.selectFrom('audit_log').select(['actor_id', 'before']).where('action', '=', 'HOUSEHOLD_IMPORT_CANCELLED').where('subject_id', '=', id).execute();
      assert.equal(cancellations.length, 1, 'the cancellation is in the audit log once, with who asked for it');
      assert.ok(cancellations[0]!.actor_id);
      assert.equal(await chunks(id), 0, 'its stored file is deleted');
      const again = await officer.post(`/api/household-imports/${id}/cancel`);
      assert.equal(again.status, 409, 'an import that has ended is not cancelled');
      assert.equal(again.body.code, 'CONFLICT');
      assert.match(again.contentType, /problem\+json/);
    } finally {
      await stop(w);
      await stop(proc.child);
    }
  });

  test('when a reviewer runs duplicate detection twice at once, then it runs once on the worker and queues the pair', async () => {
    const w = await worker();
    const served = await api();
    const { proc, officer } = served;
    try {
      // A man registered again on a new card, his NIK one digit off.
      const t = (tag += 1);
      const name = nameOf(1, t);
      const lines = [
        HEADER,
        [`34${t}000000101`, `33${t}000000101`, name, '1975-08-21', 'L', 'KEPALA KELUARGA', 'Jl. Uji Ganda 1', '5', '4', KELURAHAN, '2', '', '2026-10-31', 'DTKS'].join(','),
        [`34${t}000000102`, `33${t}000000107`, name, '1975-08-21', 'L', 'KEPALA KELUARGA', 'Jl. Uji Ganda 2', '6', '4', KELURAHAN, '2', '', '2026-10-31', 'DTKS'].join(','),
      ];
      const { id } = await upload(served, `${lines.join('\n')}\n`);
      assert.equal((await ended(officer, id)).status, 'DONE');
      // The detection the import started has run (and queued the pair): take the pair out, to see the run queue it.
      await withTemporal(async (client) => {
        await client.workflow.getHandle(`household-import-${id}`).result();
        await client.workflow.getHandle('duplicate-detection').result();
      });
      const ids = (await db.selectFrom('persons').select('id').where('nik', 'in', [`33${t}000000101`, `33${t}000000107`]).execute()).map((p) => p.id);
      assert.equal(ids.length, 2);
      await db.deleteFrom('duplicate_candidates').where('person_a', 'in', ids).where('person_b', 'in', ids).execute();
      const before = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'DUPLICATES_FOUND').executeTakeFirstOrThrow()).n);
      const [a, b] = await Promise.all([officer.post('/api/duplicates/run'), officer.post('/api/duplicates/run')]);
      // 200 with the summary, or 202 if it runs past the answer's wait (a loaded machine): the same for both.
      assert.ok([200, 202].includes(a.status), JSON.stringify(a.body));
      assert.equal(b.status, a.status, JSON.stringify(b.body));
      assert.deepEqual(a.body, b.body, 'both clicks see the one run');
      const summary = await withTemporal((client) => client.workflow.getHandle('duplicate-detection').result());
      if (a.status === 200) assert.deepEqual({ people: a.body.people, candidates: a.body.candidates, new: a.body.new }, summary);
      assert.ok(summary.people > 0 && summary.candidates > 0, JSON.stringify(summary));
      const after = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'DUPLICATES_FOUND').executeTakeFirstOrThrow()).n);
      assert.equal(after - before, 1, 'one detection ran');
      const queue_ = await withTemporal(async (client) => (await client.workflow.getHandle('duplicate-detection').describe()).taskQueue);
      assert.equal(queue_, queue, 'on the background queue, polled by the worker');
      const pair = await db
        .selectFrom('duplicate_candidates as c')
        .innerJoin('persons as a', 'a.id', 'c.person_a')
        .innerJoin('persons as b', 'b.id', 'c.person_b')
        .select(['c.status'])
        .where((eb) => eb.or([eb.and([eb('a.nik', '=', `33${t}000000101`), eb('b.nik', '=', `33${t}000000107`)]), eb.and([eb('a.nik', '=', `33${t}000000107`), eb('b.nik', '=', `33${t}000000101`)])]))
        .executeTakeFirst();
      assert.equal(pair?.status, 'OPEN', 'the pair is in the review queue');
    } finally {
      await stop(w);
      await stop(proc.child);
    }
  });
});
