import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '@kampung/db';
import type { Dashboard } from '@kampung/domain';
import { createDashboardCache } from './dashboard.cache';

/** A stand-in computation: each call answers a numbered dashboard when released. */
function fakeCompute() {
  const calls: { query: Record<string, unknown>; resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const compute = (_db: Db, query: unknown) =>
    new Promise<Dashboard>((resolve, reject) => {
      calls.push({ query: query as Record<string, unknown>, resolve: (n) => resolve({ generatedAt: String(n) } as Dashboard), reject });
    });
  return { calls, compute };
}
const tick = () => new Promise((r) => setImmediate(r));

test('concurrent requests share one computation; within 2 s the same answer is served', async () => {
  let now = 0;
  const { calls, compute } = fakeCompute();
  const cache = createDashboardCache({} as Db, { clock: () => now, compute });
  const a = cache({ program: 'KAMPUNG_TEMATIK' });
  const b = cache({ program: 'KAMPUNG_TEMATIK' });
  assert.equal(calls.length, 1, 'one computation for both');
  calls[0]!.resolve(1);
  assert.deepEqual([(await a).generatedAt, (await b).generatedAt], ['1', '1']);
  now = 1_999;
  assert.equal((await cache({ program: 'KAMPUNG_TEMATIK' })).generatedAt, '1');
  assert.equal(calls.length, 1, 'still fresh');
  cache({});
  assert.equal(calls.length, 2, 'another program (here: both) is its own entry');
});

test('past 2 s the old answer is served at once while one refresh runs; past 10 s a request waits for a fresh one', async () => {
  let now = 0;
  const { calls, compute } = fakeCompute();
  const cache = createDashboardCache({} as Db, { clock: () => now, compute });
  const first = cache({});
  calls[0]!.resolve(1);
  await first;

  now = 3_000;
  assert.equal((await cache({})).generatedAt, '1', 'stale, served without waiting');
  assert.equal((await cache({})).generatedAt, '1');
  assert.equal(calls.length, 2, 'one refresh for both');
  calls[1]!.resolve(2);
  await tick();
  assert.equal((await cache({})).generatedAt, '2', 'the refresh replaced it');

  now = 20_000;
  const waiting = cache({});
  assert.equal(calls.length, 3, 'too old to serve: computed afresh');
  let settled = false;
  void waiting.then(() => (settled = true));
  await tick();
  assert.equal(settled, false, 'the request waits for it');
  calls[2]!.resolve(3);
  assert.equal((await waiting).generatedAt, '3');
});

test('Cache-Control: no-cache computes afresh; a failed computation is not kept; clear() forgets everything', async () => {
  let now = 0;
  const { calls, compute } = fakeCompute();
  const cache = createDashboardCache({} as Db, { clock: () => now, compute });
  const first = cache({});
  calls[0]!.resolve(1);
  await first;
  const fresh = cache({}, { fresh: true });
  assert.equal(calls.length, 2, 'no-cache computes');
  calls[1]!.resolve(2);
  assert.equal((await fresh).generatedAt, '2');

  const failing = cache({}, { fresh: true });
  calls[2]!.reject(new Error('database down'));
  await assert.rejects(failing, /database down/);
  const after = cache({});
  assert.equal(calls.length, 4, 'the failure was not served again');
  calls[3]!.resolve(4);
  assert.equal((await after).generatedAt, '4');

  now = 3_000;
  void cache({});
  calls[4]!.reject(new Error('timeout'));
  await tick();
  assert.equal((await cache({})).generatedAt, '4', 'a failed refresh keeps the last good answer…');
  assert.equal(calls.length, 6, '…and the next request tries again');

  cache.clear();
  void cache({});
  assert.equal(calls.length, 7, 'cleared: computed afresh');
});
