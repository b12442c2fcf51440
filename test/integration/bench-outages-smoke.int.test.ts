// npm test: beside the shared stack (its own services)
/**
 * `npm run bench -- outages` keeps working: the part at its smallest, on a stack of its own (see
 * bench-smoke.int.test.ts for the parts that use the test stack). No timing is asserted.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { benchOutages } from '@kampung/tools/bench/outages';
import { createLog } from '@kampung/tools/stack/log';

/** The first table row whose first cell starts with `label`, as cells. */
function rowOf(out: string, label: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `a row "${label}" in:\n${out}`);
  return line.split('|').slice(1, -1).map((cell) => cell.trim());
}

describe('npm run bench -- outages, at its smallest', () => {
  // Three worker starts of its own (each 20–80 s on the loaded 2-core machine: 279 s in all at a
  // load average of 25); each wait inside it is bounded by itself, this only ends a run gone astray.
  test('when each outage is caused once on a stack of its own, then every way back is timed and every 503 names its dependency', { timeout: 10 * 60_000 }, async () => {
    const log = createLog('bench', { colour: false, sink: () => {} });
    const out = await benchOutages({ repetitions: 1, cadenceSeconds: 10 }, log);
    assert.doesNotMatch(out, /NaN|Infinity|undefined|null/, out);
    for (const label of [
      '**PostgreSQL back → first 200 on GET /api/cases**',
      '**worker spawn → transition sent while it was down answered 200**',
      '**worker spawn → obligation whose timer fell due while it was down leaves UPCOMING**',
      'PostgreSQL SIGCONT → first 200',
      'Temporal SIGCONT → first 200',
    ]) {
      for (const column of [1, 2, 3]) assert.match(rowOf(out, label)[column] ?? '', /^-?\d[\d,]*(\.\d+)?$/, `column ${column} of "${label}" in:\n${out}`);
    }
    assert.match(rowOf(out, '**PostgreSQL frozen: GET /api/cases answers in**')[4] ?? '', /^503 PostgreSQL 1\/1$/, out);
    assert.match(rowOf(out, '**Temporal frozen: a transition answers in**')[4] ?? '', /^503 Temporal 1\/1$/, out);
    assert.match(out, /Still running at the end, never restarted except the worker kills: api and worker\./, out);
  });
});
