import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '@kampung/tools/stack/postgres';
import { env } from './support/env';
import { runUntilExit } from './support/api-process';

/** A stack frame of a printed error ("    at main (file.ts:1:2)"), escaped in JSON or not. */
const STACK_FRAME = /(^|\\n|\n)\s+at \S/;

function assertOneMessage(run: { code: number | null; output: string; ms: number }, names: string[], absent: string[], what: string) {
  assert.notEqual(run.code, null, `${what}: exited by itself (ran ${run.ms} ms)\n${run.output}`);
  assert.notEqual(run.code, 0, `${what}: a non-zero exit\n${run.output}`);
  assert.doesNotMatch(run.output, STACK_FRAME, `${what}: no stack trace\n${run.output}`);
  const lines = run.output.split('\n').filter((line) => names.every((name) => line.includes(name)));
  assert.equal(lines.length, 1, `${what}: one message names ${names.join(' and ')}\n${run.output}`);
  for (const name of absent) assert.doesNotMatch(lines[0]!, new RegExp(name), `${what}: ${name} is not blamed`);
}

describe('a dependency missing or unreachable at start', () => {
  test('when neither PostgreSQL nor Temporal can be reached, then the API and the worker each stop with one message naming both, no stack trace, a non-zero exit', async () => {
    const nowhere = {
      DATABASE_URL: `postgres://kampung:kampung@127.0.0.1:${await freePort()}/kampung`,
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
    };
    const [api, worker] = await Promise.all([runUntilExit('api', nowhere), runUntilExit('worker', nowhere)]);
    assertOneMessage(api, ['PostgreSQL', 'Temporal'], [], 'api');
    assertOneMessage(worker, ['PostgreSQL', 'Temporal'], [], 'worker');
  });

  test('when PostgreSQL answers but Temporal cannot be reached, then the message names Temporal alone', async () => {
    const noTemporal = { DATABASE_URL: env.databaseUrl, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` };
    const [api, worker] = await Promise.all([runUntilExit('api', noTemporal), runUntilExit('worker', noTemporal)]);
    assertOneMessage(api, ['Temporal'], ['PostgreSQL'], 'api');
    assertOneMessage(worker, ['Temporal'], ['PostgreSQL'], 'worker');
  });

  test('when the database does not exist on a PostgreSQL that answers, then the message names PostgreSQL alone', async () => {
    const url = new URL(env.databaseUrl);
    url.pathname = '/kampung_does_not_exist';
    const noDatabase = { DATABASE_URL: url.toString(), TEMPORAL_ADDRESS: env.temporalAddress };
    const [api, worker] = await Promise.all([runUntilExit('api', noDatabase), runUntilExit('worker', noDatabase)]);
    assertOneMessage(api, ['PostgreSQL'], ['Temporal'], 'api');
    assertOneMessage(worker, ['PostgreSQL'], ['Temporal'], 'worker');
  });

  test('when DATABASE_URL is not set, then the API and the worker stop with one message naming it, no stack trace', async () => {
    const missing = { DATABASE_URL: '', TEMPORAL_ADDRESS: env.temporalAddress };
    const [api, worker] = await Promise.all([runUntilExit('api', missing), runUntilExit('worker', missing)]);
    assertOneMessage(api, ['DATABASE_URL'], [], 'api');
    assertOneMessage(worker, ['DATABASE_URL'], [], 'worker');
  });
});
