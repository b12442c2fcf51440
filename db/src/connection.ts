import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

// A calendar date (a birth date, a session's day) is a date, not an instant: read it as the
// 'YYYY-MM-DD' it is, so that no time zone can move it a day.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DbOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Longest a statement may run: PostgreSQL cancels it (SQLSTATE 57014). A server that does not
   * answer at all (hung, or its host gone) is given half a second more, then the connection is
   * closed, so that no caller waits longer than that. Default: no limit. */
  statementTimeoutMs?: number;
  /** Longest wait for a connection, a new one or a free one of the pool. Default: no limit. */
  connectTimeoutMs?: number;
  /** Told when a connection breaks (PostgreSQL stopped or restarted, the network cut): the pool
   * drops it and opens a new one when next asked. Without this the error is dropped silently; it
   * never stops the process. */
  onConnectionError?: (error: Error) => void;
}

/** A statement PostgreSQL did not answer at all in time: its connection was closed. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const { statementTimeoutMs, connectTimeoutMs } = options;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    // A peer that vanished without closing (a host down, a cut network) is noticed by TCP.
    keepAlive: true,
  });
  const onError = (error: Error) => options.onConnectionError?.(error);
  // An idle connection that breaks: the pool has already dropped it.
  pool.on('error', onError);
  pool.on('connect', (client) => {
    // A connection that breaks while in use: its query fails, and the pool drops it when it is
    // given back (it is no longer queryable). Without a listener the client's 'error' event would
    // end the process.
    client.on('error', onError);
    if (statementTimeoutMs) closeWhenSilent(client, statementTimeoutMs + 500);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A statement with no answer after `ms` closes its connection: the statement fails with a
 * DatabaseTimeoutError, and the connection, which would otherwise wait for that answer before any
 * other statement, is not given to anyone again. */
function closeWhenSilent(client: pg.PoolClient, ms: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      const timer = setTimeout(() => {
        const stream = (client as unknown as { connection?: { stream?: { destroy(error: Error): void } } }).connection?.stream;
        stream?.destroy(new DatabaseTimeoutError(`PostgreSQL did not answer within ${ms} ms`));
      }, ms);
      result.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
    }
    return result;
  };
}

const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);
/** SQLSTATEs of a server that is going, gone, starting, full, or cancelled the statement at its timeout. */
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const UNAVAILABLE_MESSAGE = /Connection terminated|not queryable|timeout exceeded when trying to connect|timeout expired|Query read timeout/i;

/** Whether an error means PostgreSQL is down, hung or unreachable (rather than a bad statement). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.has(code) || code.startsWith('08'))) return true;
  // AggregateError: one error per address tried (localhost as ::1 and 127.0.0.1).
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return error instanceof Error && UNAVAILABLE_MESSAGE.test(error.message);
}

/** The server and database a URL names, without its password: host:port/database. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Why the database cannot be used, or undefined when it answers. For start-up checks. */
export async function databaseProblem(db: Db): Promise<string | undefined> {
  try {
    await sql`select 1`.execute(db);
    return undefined;
  } catch (error) {
    const message = error instanceof AggregateError ? error.errors.map((e: Error) => e.message).join(', ') : (error as Error).message;
    return message.split('\n')[0] || String(error);
  }
}
