import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

const require = createRequire(import.meta.url);
const DIR = fileURLToPath(new URL('./histories/', import.meta.url));

test('every recorded case history replays on today\'s workflow code (running cases stay safe)', async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 4, `recorded histories are present (${files.length})`);
  const histories = await Promise.all(
    files.map(async (file) => ({ workflowId: file, history: JSON.parse(await readFile(DIR + file, 'utf8')) })),
  );
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('@kampung/workflows/workflows'), replayName: 'case-histories' },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  assert.deepEqual(failures, []);
});
