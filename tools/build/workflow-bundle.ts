/**
 * The workflow code, bundled once at build time (as the Temporal TypeScript samples' `production/`
 * does) instead of by every worker at start: the worker loads it with WORKFLOW_BUNDLE=<file>.
 *
 *   node --import tsx tools/build/workflow-bundle.ts <out file>   (part of `npm run build`)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const require = createRequire(import.meta.url);

/** Writes the bundle of @kampung/workflows/workflows to `outFile`; answers its size in bytes. */
export async function writeWorkflowBundle(outFile: string): Promise<number> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@kampung/workflows/workflows'),
    logger: new DefaultLogger('WARN'),
  });
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, code);
  return Buffer.byteLength(code);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node --import tsx tools/build/workflow-bundle.ts <out file>');
    process.exit(2);
  }
  const bytes = await writeWorkflowBundle(resolve(out));
  console.log(`workflow bundle: ${out} (${Math.round(bytes / 1024)} KB)`);
}
