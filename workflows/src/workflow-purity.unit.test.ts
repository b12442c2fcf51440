import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

test('the workflow code lints clean: no I/O, no Node built-ins, no clients', async () => {
  const results = await eslint.lintFiles(['workflows/src/**/*.ts']);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
  assert.deepEqual(problems, []);
});

test('the lint refuses I/O in a workflow module', async () => {
  const [result] = await eslint.lintText(
    "import { Pool } from 'pg';\nimport { readFileSync } from 'node:fs';\nexport const a = [Pool, readFileSync, process.env];\n",
    { filePath: `${root}workflows/src/probe.workflow.ts` },
  );
  const rules = result!.messages.map((m) => m.ruleId);
  assert.deepEqual(rules, ['no-restricted-imports', 'no-restricted-imports', 'no-restricted-globals']);
});
