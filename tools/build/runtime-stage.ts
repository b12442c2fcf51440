/**
 * The Dockerfile's runtime stage, reproduced in a folder without Docker (test production-build):
 * the manifests and the lock file, production dependencies of the workspaces production runs
 * (`npm ci --omit=dev`), and the built dist/. Keep in step with the Dockerfile.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every workspace's manifest is copied (npm ci wants them all); these are the ones installed. */
export const ALL_WORKSPACES = ['domain', 'db', 'workflows', 'worker', 'api', 'web', 'tools', 'test'] as const;
export const PRODUCTION_WORKSPACES = ['domain', 'db', 'workflows', 'worker', 'api'] as const;

/** The npm ci of the Dockerfile's prod-deps stage. */
export const PRODUCTION_INSTALL_ARGS = [
  'ci',
  '--omit=dev',
  '--no-audit',
  '--no-fund',
  ...PRODUCTION_WORKSPACES.map((workspace) => `--workspace=${workspace}`),
];

export async function assembleRuntimeStage(options: {
  root: string;
  /** The built dist/ (`npm run build`). */
  distDir: string;
  target: string;
  /** Extra npm arguments, e.g. --prefer-offline to install from the local cache. */
  npmArgs?: string[];
}): Promise<{ installMs: number }> {
  const { root, target } = options;
  await mkdir(target, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) await cp(join(root, file), join(target, file));
  for (const workspace of ALL_WORKSPACES) await cp(join(root, workspace, 'package.json'), join(target, workspace, 'package.json'));
  const started = Date.now();
  await run('npm', [...PRODUCTION_INSTALL_ARGS, ...(options.npmArgs ?? [])], target);
  const installMs = Date.now() - started;
  await cp(options.distDir, join(target, 'dist'), { recursive: true });
  return { installMs };
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`))));
  });
}
