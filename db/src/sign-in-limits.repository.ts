import { sql } from 'kysely';
import type { Db } from './connection';

/** An address's count in its current window, and when that window ends. */
export interface AddressFailures {
  failures: number;
  windowEndsAt: Date;
}

const windowOf = (windowMs: number) => sql`make_interval(secs => ${windowMs / 1000}::double precision)`;

/**
 * Counts one more attempt from `address`, in one statement: a new row, one more in the current
 * window, or 1 in a fresh window when the last one has ended. Concurrent attempts (from any API
 * replica) queue on the row and each sees its own count. The database's clock decides windows, so
 * replicas whose clocks differ agree.
 */
export async function countAddressFailure(db: Db, address: string, windowMs: number): Promise<AddressFailures> {
  const window = windowOf(windowMs);
  const { rows } = await sql<{ failures: number; window_ends_at: Date }>`
    insert into sign_in_address_failures as f (address, failures, window_started_at)
    values (${address}, 1, now())
    on conflict (address) do update set
      failures = case when f.window_started_at + ${window} <= now() then 1 else f.failures + 1 end,
      window_started_at = case when f.window_started_at + ${window} <= now() then now() else f.window_started_at end
    returning failures, window_started_at + ${window} as window_ends_at`.execute(db);
  const row = rows[0]!;
  return { failures: row.failures, windowEndsAt: row.window_ends_at };
}

export async function findAddressFailures(db: Db, address: string, windowMs: number): Promise<AddressFailures | undefined> {
  const window = windowOf(windowMs);
  const { rows } = await sql<{ failures: number; window_ends_at: Date }>`
    select failures, window_started_at + ${window} as window_ends_at from sign_in_address_failures
    where address = ${address} and window_started_at + ${window} > now()`.execute(db);
  const row = rows[0];
  return row && { failures: row.failures, windowEndsAt: row.window_ends_at };
}

/** Takes back one attempt that turned out not to be a failure (a successful sign-in). */
export async function uncountAddressFailure(db: Db, address: string, windowMs: number): Promise<void> {
  await sql`
    update sign_in_address_failures set failures = greatest(failures - 1, 0)
    where address = ${address} and window_started_at + ${windowOf(windowMs)} > now()`.execute(db);
}

export async function clearAddressFailures(db: Db, address: string): Promise<void> {
  await sql`delete from sign_in_address_failures where address = ${address}`.execute(db);
}

/** Removes the rows of windows that have ended (they would be restarted at 1 anyway). */
export async function deleteEndedAddressWindows(db: Db, windowMs: number): Promise<number> {
  const result = await sql`delete from sign_in_address_failures where window_started_at + ${windowOf(windowMs)} <= now()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
