import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRIES = {
  api: fileURLToPath(new URL('../../../api/src/main.ts', import.meta.url)),
  worker: fileURLToPath(new URL('../../../worker/src/main.ts', import.meta.url)),
};

export interface ApiProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything it wrote so far (pino JSON lines), for a failure message. */
  output(): string;
}

/** The real API entry point as a child process on `port`, resolved once it listens. */
export function startApiProcess(port: number, env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRIES.api], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), WEB_DIST_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (output.includes('"msg":"api listening"')) {
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    const onExit = (code: number | null) => reject(new Error(`api exited early (${code}):\n${output}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Runs an entry point (the API's or the worker's) until it exits by itself, or kills it after
 * `timeoutMs`; answers its exit code (null if it had to be killed), its output and how long it ran.
 * The bound only catches a process that never exits: loading an entry point through tsx alone took
 * over 20 s on a loaded 2-core machine, so 30 s was seen to kill processes that were about to exit. */
export function runUntilExit(
  entry: keyof typeof ENTRIES,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRIES[entry]], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', WEB_DIST_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
