import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

// A calendar date (a birth date, a session's day) is a date, not an instant: read it as the
// 'YYYY-MM-DD' it is, so that no time zone can move it a day.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
