/**
 * Latency of the case endpoints: `cases` proposals, each moved 3 to 10 stages along the full path
 * (as a role the transition policy allows: the manager approves graduation), `concurrency` clients
 * at a time; then `reads` list and detail requests.
 */
import { performance } from 'node:perf_hooks';
import type { Stage } from '@kampung/domain';
import { FULL_PATH, validData } from '../demo/stage-data';
import { inParallel } from './in-parallel';
import type { BenchPeople } from './people';
import { percentile } from './percentile';

export interface EndpointSizes {
  cases: number;
  reads: number;
  concurrency: number;
}

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

/** How far case i goes along FULL_PATH. */
const movesOf = (i: number) => FULL_PATH.slice(0, 3 + (i % 8));

export async function benchEndpoints(people: BenchPeople, sizes: EndpointSizes): Promise<string> {
  const { cases, reads, concurrency } = sizes;
  const proposer = await people.allowedTo('case.propose');
  const reader = await people.allowedTo('case.read');
  // Everyone who will move a case signs in before the clock starts.
  let from: Stage = 'PROPOSAL';
  for (const to of movesOf(Math.min(cases, 8) - 1)) {
    await people.mover(from, to);
    from = to;
  }

  const propose: number[] = [];
  const transition: number[] = [];
  const ids: string[] = [];
  const wallStart = performance.now();
  await inParallel(cases, concurrency, async (i) => {
    const created = await timed(propose, () => proposer.propose({ kelurahanCode: '33.74.08.1005' }));
    ids.push(created.id);
    let stage: Stage = 'PROPOSAL';
    for (const to of movesOf(i)) {
      const mover = await people.mover(stage, to);
      const res = await timed(transition, () => mover.move(created.id, to, { data: validData(stage, to) }));
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
      stage = to;
    }
  });
  const writeWall = performance.now() - wallStart;

  const list: number[] = [];
  const detail: number[] = [];
  await inParallel(reads, concurrency, async (i) => {
    const res =
      i % 2
        ? await timed(list, () => reader.get(`/api/cases?stage=${FULL_PATH[i % 8]}&kecamatan=33.74.08&pageSize=20`))
        : await timed(detail, () => reader.get(`/api/cases/${ids[i % ids.length]}`));
    if (res.status !== 200) throw new Error(`read: ${res.status} ${JSON.stringify(res.body)}`);
  });

  const row = (name: string, s: number[]) =>
    `| ${name} | ${s.length} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 99).toFixed(1)} |`;
  return [
    `${cases} cases, ${concurrency} concurrent clients, writes took ${(writeWall / 1000).toFixed(1)} s ` +
      `(${((propose.length + transition.length) / (writeWall / 1000)).toFixed(1)} writes/s)`,
    '',
    '| endpoint | requests | p50 ms | p99 ms |',
    '|---|---|---|---|',
    row('POST /api/cases (insert + start workflow + read back)', propose),
    row('POST /api/cases/{id}/transitions (Update + activity + read back)', transition),
    row('GET /api/cases (filtered page)', list),
    row('GET /api/cases/{id} (PostgreSQL + workflow query)', detail),
  ].join('\n');
}
