/**
 * One output format for the whole stack: every line carries a padded, coloured
 * source name (`[postgres]`, `[temporal]`, `[worker]`, `[api]`, `[stack]`).
 */
import { inspect } from 'node:util';

export type LineSink = (line: string) => void;

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A log with the same sink and colour setting under another source name. */
  child(name: string): Log;
  readonly name: string;
  readonly sink: LineSink;
}

const COLOURS: Record<string, number> = {
  stack: 1,
  postgres: 34,
  temporal: 35,
  worker: 33,
  api: 36,
  web: 32,
  go: 90,
  test: 37,
};
const PALETTE = [32, 33, 34, 35, 36, 94, 95, 96];
const NAME_WIDTH = 10;

export function colourEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

function colourFor(name: string): number {
  const known = COLOURS[name];
  if (known !== undefined) return known;
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? 37;
}

export function paint(code: number, text: string, colour: boolean): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** `[api]      ` — the bracketed name padded to a fixed width, coloured when enabled. */
export function prefixFor(name: string, colour: boolean): string {
  const label = `[${name}]`.padEnd(NAME_WIDTH);
  return paint(colourFor(name), label, colour);
}

export function stdoutSink(): LineSink {
  return (line) => {
    process.stdout.write(`${line}\n`);
  };
}

export function createLog(name: string, options: { sink?: LineSink; colour?: boolean } = {}): Log {
  const sink = options.sink ?? stdoutSink();
  const colour = options.colour ?? colourEnabled();
  const prefix = prefixFor(name, colour);
  const write = (message: string, tint?: number) => {
    for (const line of message.split('\n')) {
      sink(`${prefix} ${tint === undefined ? line : paint(tint, line, colour)}`);
    }
  };
  return {
    name,
    sink,
    info: (message) => write(message),
    warn: (message) => write(message, 33),
    error: (message) => write(message, 31),
    child: (childName) => createLog(childName, { sink, colour }),
  };
}

/** An error whose message says all a person needs (what is wrong, what to do): shown without its stack. */
export class StartError extends Error {
  override name = 'StartError';
}

export function describeError(error: unknown): string {
  if (error instanceof StartError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return inspect(error);
}
