import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Workflow code must stay deterministic: no I/O, no Node built-ins, no database or HTTP clients.
const WORKFLOW_BANNED = [
  { name: 'pg', message: 'Workflows do no I/O: call an activity.' },
  { name: 'kysely', message: 'Workflows do no I/O: call an activity.' },
  { name: 'express', message: 'Workflows do no I/O.' },
  { name: '@temporalio/client', message: 'Workflows use @temporalio/workflow only.' },
  { name: '@temporalio/activity', message: 'Import activity types with `import type` only.' },
  { name: '@temporalio/worker', message: 'Workflows use @temporalio/workflow only.' },
  { name: '@kampung/db', message: 'Workflows do no I/O: call an activity.' },
  { name: '@kampung/api', message: 'Workflows do no I/O.' },
  { name: '@kampung/worker', message: 'Workflows do no I/O.' },
  { name: '@kampung/domain', message: 'Import the pure module you need, e.g. @kampung/domain/stages (the index pulls in zod-to-openapi).' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/public.ts', 'workflows/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: WORKFLOW_BANNED,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'crypto', 'os'], message: 'No Node built-ins in workflows.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Workflows do no I/O: call an activity.' },
        { name: 'process', message: 'Workflows must not read the environment.' },
        { name: 'setTimeout', message: 'Use sleep() or condition() with a timeout from @temporalio/workflow.' },
      ],
    },
  },
);
