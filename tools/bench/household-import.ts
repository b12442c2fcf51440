/**
 * Importing a registry list through the API: N households (100,000 in BENCHMARKS.md) with about
 * four members each as one CSV file (generated, with planted duplicates), uploaded as the web does.
 * Reports the time to validate and to write, the resident memory of the API and of the worker (which
 * runs the import) sampled every 100 ms, a second import of the same file (nothing changes), and the
 * duplicate detection run over everyone in the registry (on the worker, in a process of its own).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../client/api-client';
import { generateHouseholds, toCsv } from './household-data';
import type { BenchPeople } from './people';

export interface ImportSizes {
  households: number;
  /** Persons planted of each kind; default 1% of the households each. */
  planted?: number;
}

/** A process's resident memory now (Linux /proc), in MiB; 0 once it is gone. */
function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The processes a process started (the worker's duplicate detection process). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Samples the API's and the worker's RSS (and the worker's children's) every 100 ms; `peak()` answers
 * the highest of each since the last call. */
function memorySampler(pids: { api: number; worker: number }) {
  let peak = { api: 0, worker: 0, detection: 0 };
  const sample = () => {
    peak = {
      api: Math.max(peak.api, rssOf(pids.api)),
      worker: Math.max(peak.worker, rssOf(pids.worker)),
      detection: Math.max(peak.detection, ...childrenOf(pids.worker).map(rssOf), 0),
    };
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    now: () => ({ api: rssOf(pids.api), worker: rssOf(pids.worker) }),
    peak: () => {
      sample();
      const seen = peak;
      peak = { api: 0, worker: 0, detection: 0 };
      return seen;
    },
    stop: () => clearInterval(timer),
  };
}

interface Phase { status: string; at: number; processed: number }

/** A poll sent again when its connection was closed under it (a keep-alive socket the server had
 * just closed, on a loaded machine): the bench measures the import, not the socket. */
async function again<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function importFile(api: ApiClient, appUrl: string, body: string, filename: string) {
  const started = performance.now();
  const res = await fetch(`${appUrl}/api/household-imports?filename=${filename}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: api.cookieHeader(), 'x-csrf-token': api.csrfToken() },
    body,
  });
  const created = (await res.json()) as { id: string; status: string };
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(created)}`);
  const uploaded = performance.now();
  const phases: Phase[] = [];
  for (;;) {
    const current = (await again(() => api.get(`/api/household-imports/${created.id}`))).body;
    if (phases.at(-1)?.status !== current.status) phases.push({ status: current.status, at: performance.now(), processed: current.processedRows });
    if (['DONE', 'REFUSED', 'FAILED', 'CANCELLED'].includes(current.status)) return { started, uploaded, phases, result: current };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `pids`: the API and worker processes, whose memory is read from /proc (left out when not given). */
export async function benchHouseholdImport(people: BenchPeople, sizes: ImportSizes, pids?: { api: number; worker: number }): Promise<string> {
  const planted = sizes.planted ?? Math.max(1, Math.round(sizes.households / 100));
  const generatedAt = performance.now();
  // Two days back: a birth date of "today" in UTC can be tomorrow's in the importer's WIB terms.
  const data = generateHouseholds({ households: sizes.households, seed: 7, duplicates: { typo: planted, swappedNik: planted, moved: planted }, asOf: new Date(Date.now() - 2 * 86_400_000), uniqueNiks: true });
  const csv = toCsv(data.rows);
  const generateMs = performance.now() - generatedAt;
  // Signed in after the file is generated: generating 100,000 households can outlast the API's
  // keep-alive timeout, and the upload would go out on a connection the server has closed (EPIPE).
  const api = await people.allowedTo('household.import');
  const runner = await people.allowedTo('duplicate.review');
  const appUrl = people.appUrl;
  const sampler = pids ? memorySampler(pids) : undefined;
  const before = sampler?.now();
  sampler?.peak();
  const first = await importFile(api, appUrl, csv, 'bench-dtks.csv');
  const duringFirst = sampler?.peak();
  if (first.result.status !== 'DONE') throw new Error(`the import ended ${first.result.status}: ${JSON.stringify(first.result.problems.slice(0, 5))}`);
  const second = await importFile(api, appUrl, csv, 'bench-dtks.csv');
  const duringSecond = sampler?.peak();
  // Meanwhile a colleague keeps reading: how long do they wait while the detection runs?
  const dedupStarted = performance.now();
  let running = true;
  const waits: number[] = [];
  const reader = (async () => {
    while (running) {
      const t = performance.now();
      await api.get('/api/me');
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const run = await runner.post<{ people: number; candidates: number; new: number }>('/api/duplicates/run');
  const dedupMs = performance.now() - dedupStarted;
  running = false;
  await reader;
  if (run.status !== 200) throw new Error(`duplicate run: ${run.status} ${JSON.stringify(run.body)}`);
  const dedup = run.body;
  const duringDedup = sampler?.peak();
  const after = sampler?.now();
  sampler?.stop();

  const at = (run: typeof first, status: string) => run.phases.find((p) => p.status === status)?.at;
  const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const row = (label: string, run: typeof first) => {
    const writing = at(run, 'WRITING');
    const done = at(run, 'DONE') ?? run.phases.at(-1)!.at;
    return `| ${label} | ${seconds(run.uploaded - run.started)} | ${seconds((writing ?? done) - run.uploaded)} | ${seconds(writing === undefined ? undefined : done - writing)} | ${seconds(done - run.started)} | ${run.result.personsCreated.toLocaleString('en')} / ${run.result.personsUpdated.toLocaleString('en')} / ${run.result.personsUnchanged.toLocaleString('en')} |`;
  };
  const mb = (n: number) => `${Math.round(n)} MiB`;
  return [
    `### Importing a registry list (${data.households.toLocaleString('en')} households, ${data.rows.length.toLocaleString('en')} people, ${(csv.length / 1048576).toFixed(1)} MiB of CSV)`,
    '',
    `Generated in ${seconds(generateMs)} with ${data.truth.length.toLocaleString('en')} planted duplicates. Uploaded through \`POST /api/household-imports\`, polled until done.`,
    '',
    '| import | upload | validate | write (one transaction) | total | people created / updated / unchanged |',
    '|---|---|---|---|---|---|',
    row('first', first),
    row('same file again', second),
    '',
    before && duringFirst && duringSecond && duringDedup && after
      ? [
          'Resident memory (RSS, sampled every 100 ms from /proc/<pid>/status), peak during each step:',
          '',
          '| process | before | first import | same file again | duplicate run | after |',
          '|---|---|---|---|---|---|',
          `| API | ${mb(before.api)} | ${mb(duringFirst.api)} | ${mb(duringSecond.api)} | ${mb(duringDedup.api)} | ${mb(after.api)} |`,
          `| worker | ${mb(before.worker)} | ${mb(duringFirst.worker)} | ${mb(duringSecond.worker)} | ${mb(duringDedup.worker)} | ${mb(after.worker)} |`,
          `| worker's duplicate detection process | — | ${mb(duringFirst.detection)} | ${mb(duringSecond.detection)} | ${mb(duringDedup.detection)} | — |`,
        ].join('\n')
      : 'Process memory: not measured (no process ids).',
    '',
    `Duplicate detection over the registry (\`POST /api/duplicates/run\`: a workflow on the worker, loading, detecting in a process of its own, saving): ${dedup.people.toLocaleString('en')} people, ${dedup.candidates.toLocaleString('en')} candidate pairs (${dedup.new.toLocaleString('en')} new) in ${seconds(dedupMs)}. Meanwhile \`GET /api/me\` every 100 ms answered in at most ${Math.round(Math.max(...waits))} ms (median ${Math.round([...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)] ?? 0)} ms, ${waits.length} requests).`,
  ].join('\n');
}
