/**
 * Writes the rows of scale-rows.ts in bulk: one `insert … select * from unnest($1::type[], …)` per
 * table and chunk (one parameter per column, so a chunk of 50,000 rows is one round trip), every
 * chunk in one transaction. Foreign keys are still declared and the rows satisfy them; when the
 * role may, the session skips their triggers (session_replication_role = replica) to go faster.
 */
import type pg from 'pg';
import type { CaseRows } from './scale-rows';

type Column = [name: string, pgType: string, value: (row: any) => unknown];

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const TABLES: Record<'cases' | 'stage_history' | 'assignments' | 'obligations' | 'visits' | 'monitoring_reports', Column[]> = {
  cases: [
    ['id', 'uuid', (r) => r.id], ['workflow_id', 'text', (r) => r.workflow_id], ['program_code', 'text', (r) => r.program_code],
    ['kelurahan_code', 'text', (r) => r.kelurahan_code], ['kecamatan_code', 'text', (r) => r.kecamatan_code], ['rw', 'text', (r) => r.rw],
    ['name', 'text', (r) => r.name], ['theme', 'text', (r) => r.theme], ['profile', 'jsonb', (r) => json(r.profile)],
    ['proposer', 'jsonb', (r) => json(r.proposer)], ['created_by', 'uuid', (r) => r.created_by], ['stage', 'text', (r) => r.stage],
    ['resume_stage', 'text', (r) => r.resume_stage], ['stage_seq', 'int4', (r) => r.stage_seq], ['stage_entered_at', 'timestamptz', (r) => r.stage_entered_at],
    ['created_at', 'timestamptz', (r) => r.created_at], ['updated_at', 'timestamptz', (r) => r.updated_at],
    ['budget_allocated', 'int8', (r) => r.budget_allocated], ['budget_realised', 'int8', (r) => r.budget_realised],
    ['budget_realised_period', 'text', (r) => r.budget_realised_period], ['rating', 'text', (r) => r.rating], ['rated_at', 'timestamptz', (r) => r.rated_at],
  ],
  stage_history: [
    ['case_id', 'uuid', (r) => r.case_id], ['seq', 'int4', (r) => r.seq], ['from_stage', 'text', (r) => r.from_stage], ['to_stage', 'text', (r) => r.to_stage],
    ['at', 'timestamptz', (r) => r.at], ['actor_id', 'uuid', (r) => r.actor_id], ['reason', 'text', (r) => r.reason], ['data', 'jsonb', (r) => json(r.data)],
  ],
  assignments: [
    ['id', 'uuid', (r) => r.id], ['case_id', 'uuid', (r) => r.case_id], ['user_id', 'uuid', (r) => r.user_id], ['role', 'text', (r) => r.role],
    ['is_lead', 'bool', (r) => r.is_lead], ['kecamatan_code', 'text', (r) => r.kecamatan_code], ['started_at', 'timestamptz', (r) => r.started_at],
    ['ended_at', 'timestamptz', (r) => r.ended_at], ['end_reason', 'text', (r) => r.end_reason], ['ended_by', 'uuid', (r) => r.ended_by], ['created_by', 'uuid', (r) => r.created_by],
  ],
  obligations: [
    ['id', 'uuid', (r) => r.id], ['kind', 'text', (r) => r.kind], ['case_id', 'uuid', (r) => r.case_id], ['assignment_id', 'uuid', (r) => r.assignment_id],
    ['assignee_id', 'uuid', (r) => r.assignee_id], ['seq', 'int4', (r) => r.seq], ['status', 'text', (r) => r.status], ['opens_at', 'timestamptz', (r) => r.opens_at],
    ['due_at', 'timestamptz', (r) => r.due_at], ['overdue_at', 'timestamptz', (r) => r.overdue_at], ['escalates_at', 'timestamptz', (r) => r.escalates_at],
    ['policy_version', 'int4', (r) => r.policy_version], ['status_changed_at', 'timestamptz', (r) => r.status_changed_at], ['fulfilled_at', 'timestamptz', (r) => r.fulfilled_at],
    ['fulfilled_by', 'uuid', (r) => r.fulfilled_by], ['late', 'bool', (r) => r.late], ['waived_reason', 'text', (r) => r.waived_reason],
    ['period_label', 'text', (r) => r.period_label], ['stage', 'text', (r) => r.stage],
  ],
  visits: [
    ['id', 'uuid', (r) => r.id], ['case_id', 'uuid', (r) => r.case_id], ['assignment_id', 'uuid', (r) => r.assignment_id], ['visitor_id', 'uuid', (r) => r.visitor_id],
    ['visited_at', 'timestamptz', (r) => r.visited_at], ['kind', 'text', (r) => r.kind], ['notes', 'text', (r) => r.notes], ['attendees', 'int4', (r) => r.attendees],
    ['follow_ups', 'jsonb', (r) => json(r.follow_ups)], ['obligation_id', 'uuid', (r) => r.obligation_id], ['created_at', 'timestamptz', (r) => r.created_at],
  ],
  monitoring_reports: [
    ['id', 'uuid', (r) => r.id], ['case_id', 'uuid', (r) => r.case_id], ['period', 'text', (r) => r.period], ['progress_percent', 'numeric', (r) => r.progress_percent],
    ['budget_realised', 'int8', (r) => r.budget_realised], ['problems', 'text', (r) => r.problems], ['explanation', 'text', (r) => r.explanation],
    ['target_percent', 'numeric', (r) => r.target_percent], ['red', 'bool', (r) => r.red], ['policy_version', 'int4', (r) => r.policy_version],
    ['obligation_id', 'uuid', (r) => r.obligation_id], ['submitted_by', 'uuid', (r) => r.submitted_by], ['submitted_at', 'timestamptz', (r) => r.submitted_at],
  ],
};

/** Timestamps go over as ISO text (pg would otherwise format them in the client's time zone). */
function param(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

async function insertMany(client: pg.PoolClient, table: keyof typeof TABLES, rows: unknown[]) {
  if (rows.length === 0) return;
  const columns = TABLES[table];
  // jsonb[] from text is not a cast PostgreSQL has: json columns travel as text[] and are cast per row.
  const selects = columns.map(([, type], i) => (type === 'jsonb' ? `c${i}::jsonb` : `c${i}`));
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
  const sqlText =
    `insert into ${table} (${columns.map(([n]) => n).join(', ')}) ` +
    `select ${selects.join(', ')} from unnest(${unnest}) as u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  await client.query(sqlText, columns.map(([, , value]) => rows.map((r) => param(value(r)))));
}

/** Superusers may skip the foreign-key triggers for the session. */
export async function maySkipTriggers(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  return rows[0]?.rolsuper === true;
}

export interface WriteCounts {
  cases: number;
  stageHistory: number;
  assignments: number;
  obligations: number;
  visits: number;
  reports: number;
}

/** One chunk of cases, all tables, one transaction. Order follows the foreign keys. */
export async function writeChunk(pool: pg.Pool, chunk: CaseRows[], counts: WriteCounts, { skipTriggers }: { skipTriggers: boolean }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    if (skipTriggers) await client.query('set local session_replication_role = replica');
    await insertMany(client, 'cases', chunk.map((c) => c.case));
    await insertMany(client, 'stage_history', chunk.flatMap((c) => c.stageHistory));
    await insertMany(client, 'assignments', chunk.flatMap((c) => c.assignments));
    await insertMany(client, 'obligations', chunk.flatMap((c) => c.obligations));
    await insertMany(client, 'visits', chunk.flatMap((c) => c.visits));
    await insertMany(client, 'monitoring_reports', chunk.flatMap((c) => c.reports));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  counts.cases += chunk.length;
  for (const c of chunk) {
    counts.stageHistory += c.stageHistory.length;
    counts.assignments += c.assignments.length;
    counts.obligations += c.obligations.length;
    counts.visits += c.visits.length;
    counts.reports += c.reports.length;
  }
}
