/**
 * Child processes of the stack: each output line is prefixed with the child's
 * name, pino JSON lines become one readable line, and stop() is SIGTERM then,
 * after a grace period, SIGKILL.
 *
 * Children run in their own process group (`detached`), so a Ctrl-C in the
 * terminal reaches only the orchestrator, which then stops them in order
 * (api → worker → Temporal → PostgreSQL) instead of all at once. If the
 * orchestrator exits without stopping them (an uncaught error), an `exit` hook
 * kills whatever is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { paint, prefixFor, type LineSink } from './log';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves when the process has exited, whatever the reason. */
  readonly exited: Promise<Exit>;
  /** True once stop() was called: an exit after that is expected. */
  readonly stopping: boolean;
  /** The last output lines (for error messages). */
  tail(): string;
  stop(): Promise<Exit>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  sink: LineSink;
  colour?: boolean;
  uid?: number;
  gid?: number;
  /** Signal that asks the process to shut down cleanly; SIGTERM unless told. */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
  /** Keep output after stop() out of the log (it still goes to tail()). */
  quietAfterStop?: boolean;
  /** stop() when aborted. */
  signal?: AbortSignal;
}

const TAIL_LINES = 60;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function spawnManaged(options: SpawnOptions): ManagedProcess {
  installExitHook();
  const colour = options.colour ?? false;
  const prefix = prefixFor(options.name, colour);
  const tail: string[] = [];
  let stopping = false;
  const emit = (text: string) => {
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
    if (!(stopping && options.quietAfterStop)) options.sink(`${prefix} ${text}`);
  };

  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  live.add(child);
  // What the process started in its group must not outlive it: after a crash of PostgreSQL's
  // postmaster, say, its backends would hold the port, the shared memory and our output pipes.
  child.once('exit', () => killGroup(child, 'SIGKILL'));

  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      for (const formatted of formatLogLine(line, colour)) emit(formatted);
    });
  }

  const exited = new Promise<Exit>((resolve) => {
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
      emit(`failed to start ${options.command}: ${error.message}`);
      // 'close' may never follow a spawn failure
      if (child.pid === undefined) {
        live.delete(child);
        resolve({ code: 127, signal: null });
      }
    });
    child.on('close', (code, signal) => {
      live.delete(child);
      resolve({ code: spawnError && code === null ? 127 : code, signal });
    });
  });

  let stopPromise: Promise<Exit> | undefined;
  const stop = (): Promise<Exit> => {
    stopping = true;
    stopPromise ??= (async () => {
      if (!live.has(child)) return exited;
      killGroup(child, options.stopSignal ?? 'SIGTERM');
      const timeoutMs = options.stopTimeoutMs ?? 15_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const first = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (first === 'timeout') {
        emit(`did not stop within ${timeoutMs / 1000} s; sending SIGKILL`);
        killGroup(child, 'SIGKILL');
        return exited;
      }
      return first;
    })();
    return stopPromise;
  };

  if (options.signal) {
    const onAbort = () => void stop();
    if (options.signal.aborted) onAbort();
    else {
      options.signal.addEventListener('abort', onAbort, { once: true });
      void exited.then(() => options.signal?.removeEventListener('abort', onAbort));
    }
  }

  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    get stopping() {
      return stopping;
    },
    tail: () => tail.join('\n'),
    stop,
  };
}

/** `node --import tsx <entry>` as a managed child. */
export function spawnNode(options: Omit<SpawnOptions, 'command' | 'args'> & { entry: string; nodeArgs?: string[] }): ManagedProcess {
  const { entry, nodeArgs = [], ...rest } = options;
  return spawnManaged({ ...rest, command: process.execPath, args: ['--import', 'tsx', ...nodeArgs, entry] });
}

/** Runs a command to completion with prefixed output; rejects (with the output tail) on a non-zero exit. */
export async function runToCompletion(options: SpawnOptions): Promise<void> {
  const child = spawnManaged(options);
  const { code, signal } = await child.exited;
  if (code !== 0) {
    throw new Error(`${options.command} ${options.args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${child.tail()}`);
  }
}

export function describeExit({ code, signal }: Exit): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

// ---------------------------------------------------------------------------
// Log line formatting

const LEVELS: Record<number, [string, number]> = {
  10: ['TRACE', 90],
  20: ['DEBUG', 90],
  30: ['INFO ', 32],
  40: ['WARN ', 33],
  50: ['ERROR', 31],
  60: ['FATAL', 41],
};
const NAMED_LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, warning: 40, error: 50, fatal: 60, dpanic: 60, panic: 60 };
/** Fields every line has, that the prefix already says (`service`), or that are too noisy for one line. */
const SKIPPED = new Set(['level', 'time', 'ts', 'msg', 'message', 'pid', 'hostname', 'v', 'name', 'service', 'req', 'res', 'err', 'error', 'stacktrace', 'logging-call-at']);
const MAX_VALUE_LENGTH = 120;

/**
 * A JSON log line (pino, or the Temporal server's JSON logs) becomes
 * `HH:MM:SS.mmm LEVEL msg key=value …`; an error's stack follows on extra lines.
 * Anything else is passed through unchanged.
 */
export function formatLogLine(line: string, colour: boolean): string[] {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return [line];
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [line];
    record = parsed as Record<string, unknown>;
  } catch {
    return [line];
  }
  if (!('level' in record) || !('msg' in record || 'message' in record)) return [line];

  const levelNumber =
    typeof record.level === 'number' ? record.level : (NAMED_LEVELS[String(record.level).toLowerCase()] ?? 30);
  const [levelName, levelColour] = LEVELS[Math.floor(levelNumber / 10) * 10] ?? ['INFO ', 32];
  const message = String(record.msg ?? record.message ?? '');

  const fields: string[] = [];
  const req = record.req as { method?: unknown; url?: unknown } | undefined;
  const res = record.res as { statusCode?: unknown } | undefined;
  if (req && typeof req === 'object') fields.push(`${String(req.method ?? '')} ${String(req.url ?? '')}`.trim());
  if (res && typeof res === 'object' && res.statusCode !== undefined) fields.push(`→ ${String(res.statusCode)}`);
  for (const [key, value] of Object.entries(record)) {
    if (SKIPPED.has(key) || value === undefined) continue;
    fields.push(`${key}=${shorten(value)}`);
  }

  const time = paint(90, formatTime(record.time ?? record.ts), colour);
  const head = [time, paint(levelColour, levelName, colour), message, ...fields.map((f) => paint(90, f, colour))]
    .filter((part) => part !== '')
    .join(' ');
  // A multi-line message (e.g. webpack's stats) keeps one prefix per line, indented.
  const [first = '', ...more] = head.split('\n');
  const lines = [first, ...more.map((line) => `  ${line}`)];
  const err = (record.err ?? record.error) as { message?: unknown; stack?: unknown } | string | undefined;
  if (typeof err === 'string') lines.push(`  ${err}`);
  else if (err && typeof err === 'object') {
    const text = typeof err.stack === 'string' ? err.stack : String(err.message ?? JSON.stringify(err));
    for (const stackLine of text.split('\n')) lines.push(`  ${stackLine}`);
  }
  return lines;
}

function shorten(value: unknown): string {
  const text = typeof value === 'string' ? (/\s/.test(value) ? JSON.stringify(value) : value) : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function formatTime(value: unknown): string {
  const date =
    typeof value === 'number'
      ? new Date(value < 1e11 ? value * 1000 : value) // seconds (Go) or milliseconds (pino)
      : typeof value === 'string'
        ? new Date(value)
        : new Date();
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
