// npm test: beside the shared stack (its own services)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import type { CaseDetail, Stage } from '@kampung/domain';
import type { ReconciliationSummary } from '@kampung/workflows';
import { ApiClient } from '@kampung/tools/client/api-client';
import { backup, readManifest, restore } from '@kampung/tools/backup/backup-restore';
import { createLog } from '@kampung/tools/stack/log';
import { startTestStack, type TestStack } from '@kampung/tools/stack/throwaway-stack';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const KT = 'KAMPUNG_TEMATIK';
const OPEN = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];

/** What PostgreSQL holds that a restore can lose, keyed for comparison. */
async function snapshot(db: Db) {
  const [cases, history, assignments, obligations, visits, reports] = await Promise.all([
    db.selectFrom('cases').select(['id', 'stage', 'stage_seq']).execute(),
    db.selectFrom('stage_history').select(['case_id', 'seq', 'from_stage', 'to_stage', 'at']).execute(),
    db.selectFrom('assignments').select(['id', 'case_id']).execute(),
    db.selectFrom('obligations').select(['id', 'case_id', 'assignment_id', 'kind', 'status']).execute(),
    db.selectFrom('visits').select(['id', 'case_id', 'assignment_id']).execute(),
    db.selectFrom('monitoring_reports').select(['id', 'case_id', 'obligation_id']).execute(),
  ]);
  return { cases, history, assignments, obligations, visits, reports };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/**
 * The drill: a backup of the application's database, more work, then the older backup restored
 * while Temporal stays ahead of it. One reconciler pass must account for every difference between
 * what PostgreSQL held before the restore and what it holds after: moves written again from the
 * workflows' histories, everything else reported. Nothing lost in silence, nothing written twice.
 */
describe('backup and restore: the drill', () => {
  let stack: TestStack;
  let db: Db;
  let connection: Connection;
  let temporal: Client;
  let admin: ApiClient;
  let manager: ApiClient;
  let work: string;
  const lines: string[] = [];
  let passed = false;

  before(async () => {
    stack = await startTestStack({ log: createLog('drill', { colour: false, sink: (line) => void lines.push(line) }), taskQueue: 'kampung-drill' });
    db = createDb(stack.databaseUrl, { max: 2 });
    connection = await Connection.connect({ address: stack.temporalAddress });
    temporal = new Client({ connection, namespace: 'default' });
    admin = await ApiClient.signedIn({ email: stack.env.E2E_ADMIN_EMAIL!, password: stack.env.E2E_ADMIN_PASSWORD! }, stack.appUrl);
    manager = await ApiClient.signedIn({ email: stack.env.E2E_MANAGER_EMAIL!, password: stack.env.E2E_MANAGER_PASSWORD! }, stack.appUrl);
    work = await mkdtemp(join(tmpdir(), 'kampung-drill-'));
    // The API answers before the worker has bundled its workflows: wait for the worker.
    await eventually(async () => assert.ok(await stack.readLogs(50).then((text) => text.includes('worker running')), 'the drill\'s worker is running'), { timeoutMs: 180_000, intervalMs: 500 });
  });
  after(async () => {
    if (!passed && stack) console.log(`${lines.join('\n')}\n${await stack.readLogs(150)}`);
    await db?.destroy();
    await connection?.close();
    await stack?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function moveTo(kampung: CaseDetail, target: Stage): Promise<CaseDetail> {
    let current = kampung;
    for (const to of FULL_PATH.slice(FULL_PATH.indexOf(current.stage as Stage) + 1, FULL_PATH.indexOf(target) + 1)) {
      const res = await moverOf(current.stage as Stage, to, admin, manager).move(current.id, to, { data: validData(current.stage as Stage, to) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      current = res.body;
    }
    return current;
  }
  const openObligation = (caseId: string, kind: string, assignmentId?: string) =>
    eventually(async () => {
      let q = db.selectFrom('obligations').select(['id', 'period_label']).where('case_id', '=', caseId).where('kind', '=', kind).where('status', 'in', OPEN);
      if (assignmentId) q = q.where('assignment_id', '=', assignmentId);
      const [row] = await q.execute();
      assert.ok(row, `an open ${kind} obligation of ${caseId}`);
      return row;
    }, { timeoutMs: 30_000 });
  const assign = async (caseId: string) => {
    const mentor = await db.selectFrom('users').select('id').where('email', '=', stack.env.E2E_MENTOR_EMAIL!).executeTakeFirstOrThrow();
    const res = await admin.post(`/api/cases/${caseId}/assignments`, { userId: mentor.id, role: 'MENTOR' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };

  test('when an older backup of the database is restored behind Temporal, then one reconciler pass writes the lost moves again and reports every other loss', async () => {
    const policy = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const put = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: policy.version,
      changeNote: 'Latihan pemulihan',
      policy: { ...policy.policy, visitCadence: { ...policy.policy.visitCadence, MENTOR: 'P14D' }, stageMaxDuration: { ...policy.policy.stageMaxDuration, SURVEY: 'P30D', VERIFICATION: 'P30D' } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    // Before the backup: A in survey with a mentor, B proposed, C implementing with a report due.
    const a = await moveTo(await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '8' }), 'SURVEY');
    const aMentor = await assign(a.id);
    const aVisit = await openObligation(a.id, 'VISIT', aMentor);
    await openObligation(a.id, 'STAGE_DEADLINE');
    const b = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '9' });
    const c = await moveTo(await admin.propose({ programCode: KT }), 'IMPLEMENTATION');
    const cReport = await openObligation(c.id, 'MONITORING_REPORT');

    const started = Date.now();
    const manifest = await backup({ databaseUrl: stack.databaseUrl, dir: join(work, 'backup') });
    const backupMs = Date.now() - started;
    assert.deepEqual(manifest.databases.map((d) => d.role), ['app']);
    assert.deepEqual((await readManifest(join(work, 'backup'))).databases, manifest.databases);
    assert.ok(JSON.parse(await readFile(join(work, 'backup', 'manifest.json'), 'utf8')).client.includes('17'), 'a PostgreSQL 17 pg_dump');

    // After the backup: a visit and a move on A, an assignment and a move on B, a report on C, a new case D.
    const visit = await admin.post(`/api/cases/${a.id}/visits`, { assignmentId: aMentor, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Setelah cadangan' });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    assert.equal(visit.body.fulfilledObligationId, aVisit.id);
    await openObligation(a.id, 'VISIT', aMentor);
    await moveTo(a, 'VERIFICATION');
    const bMentor = await assign(b.id);
    await openObligation(b.id, 'VISIT', bMentor);
    await moveTo(b, 'SURVEY');
    const report = await admin.post(`/api/cases/${c.id}/monitoring-reports`, { period: cReport.period_label, progressPercent: 80, budgetRealised: 1_000_000 });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const d = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '10' });
    // Every workflow has written what it writes (the stage deadlines of the new stages, B's survey deadline).
    await openObligation(a.id, 'STAGE_DEADLINE');
    await openObligation(b.id, 'STAGE_DEADLINE');
    await eventually(async () => {
      const [row] = await db.selectFrom('obligations').select('status').where('id', '=', cReport.id).execute();
      assert.equal(row?.status, 'FULFILLED', 'the report closed its obligation');
    });
    const truth = await snapshot(db);

    const restoreStarted = Date.now();
    const restored = await restore({ databaseUrl: stack.databaseUrl, dir: join(work, 'backup'), only: 'app' });
    const restoreMs = Date.now() - restoreStarted;
    assert.equal(restored.restored.length, 1);
    const before = await snapshot(db);
    assert.ok(!before.cases.some((k) => k.id === d.id), 'the restore took the database back to the backup');

    const pass = async () =>
      (await temporal.workflow.execute('reconcilerWorkflow', { taskQueue: 'kampung-drill', workflowId: `drill-${randomUUID()}`, args: [{}] })) as ReconciliationSummary;
    const findingsOf = (passId: string) =>
      db.selectFrom('reconciliation_findings').select(['kind', 'subject_id', 'repaired', 'detail']).where('pass_id', '=', passId).execute();
    const first = await pass();
    const findings = await findingsOf(first.passId);
    const has = (kind: string, subject: string, repaired: boolean) => findings.some((f) => f.kind === kind && f.subject_id === subject && f.repaired === repaired);
    const shown = JSON.stringify(findings.map((f) => [f.kind, f.subject_id, f.repaired]));

    // Every difference between the truth and the restored database is accounted for.
    const expected = expectedFindings(truth, before);
    for (const e of expected) assert.ok(has(e.kind, e.subject, e.repaired), `${e.why}: expected ${e.kind} ${e.subject} (repaired: ${e.repaired}) among ${shown}`);
    // And nothing else is claimed.
    for (const f of findings) {
      assert.ok(expected.some((e) => e.kind === f.kind && e.subject === f.subject_id), `a finding no loss explains: ${f.kind} ${f.subject_id}`);
    }
    assert.equal(first.repaired, expected.filter((e) => e.repaired).length);
    assert.equal(first.reported, expected.filter((e) => !e.repaired).length);

    // The lost moves are back, exactly once and as they were; the cases are where their workflows are.
    const now = await snapshot(db);
    const key = (h: Snapshot['history'][number]) => `${h.case_id}:${h.seq}:${h.from_stage}>${h.to_stage}@${new Date(h.at).toISOString()}`;
    for (const caseId of [a.id, b.id, c.id]) {
      assert.deepEqual(now.history.filter((h) => h.case_id === caseId).map(key).sort(), truth.history.filter((h) => h.case_id === caseId).map(key).sort(), `the moves of ${caseId}`);
      assert.deepEqual(now.cases.find((k) => k.id === caseId), truth.cases.find((k) => k.id === caseId), `the stage of ${caseId}`);
    }
    const audited = await db.selectFrom('audit_log').select(['case_id']).where('action', '=', 'CASE_TRANSITIONED').where('case_id', 'in', [a.id, b.id]).execute();
    assert.equal(audited.length, truth.history.filter((h) => (h.case_id === a.id || h.case_id === b.id) && h.seq > 0).length, 'one audit entry per move');

    // A second pass repairs nothing more and reports the same losses again (they wait for a person).
    const second = await pass();
    const again = await findingsOf(second.passId);
    assert.equal(second.repaired, 0, JSON.stringify(again));
    assert.deepEqual(
      again.map((f) => `${f.kind} ${f.subject_id}`).sort(),
      expected.filter((e) => !e.repaired).map((e) => `${e.kind} ${e.subject}`).sort(),
    );
    // /healthz tells the operator.
    const health = (await fetch(`${stack.appUrl}/healthz`).then((r) => r.json())) as { reconciliation: { unrepaired: number } | null };
    assert.equal(health.reconciliation?.unrepaired, second.reported);
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(`${f.kind}${f.repaired ? ' (repaired)' : ''}`, (counts.get(`${f.kind}${f.repaired ? ' (repaired)' : ''}`) ?? 0) + 1);
    const byKind = [...counts].map(([k, n]) => `${k} ${n}`);
    console.log(`backup ${backupMs} ms, restore ${restoreMs} ms; first pass: ${first.repaired} repaired, ${first.reported} reported: ${byKind.join(', ')}`);
    passed = true;
  });
});

describe('backup and restore: the cluster form', () => {
  test('when Temporal\'s databases are backed up with the application\'s, then a restore of Temporal\'s only brings them back and leaves the application\'s alone', async () => {
    const { ensureDatabase, dropDatabase, withDatabase } = await import('@kampung/tools/stack/postgres');
    const suffix = randomUUID().slice(0, 8);
    const names = { app: `drill_app_${suffix}`, temporal: `drill_temporal_${suffix}`, visibility: `drill_temporal_visibility_${suffix}` };
    const server = process.env.DATABASE_URL!;
    const work = await mkdtemp(join(tmpdir(), 'kampung-drill-cluster-'));
    const dbs = Object.fromEntries(Object.entries(names).map(([k, name]) => [k, createDb(withDatabase(server, name), { max: 1 })])) as Record<keyof typeof names, Db>;
    try {
      for (const name of Object.values(names)) await ensureDatabase(server, name);
      for (const [role, db] of Object.entries(dbs)) {
        await sql`create table marks (what text primary key)`.execute(db);
        await sql`insert into marks values (${`${role} before`})`.execute(db);
      }
      const manifest = await backup({ databaseUrl: withDatabase(server, names.app), dir: work, temporal: true, temporalDatabases: [names.temporal, names.visibility] });
      assert.deepEqual(manifest.databases.map((d) => [d.role, d.name]), [['app', names.app], ['temporal', names.temporal], ['temporal', names.visibility]]);
      for (const [role, db] of Object.entries(dbs)) await sql`insert into marks values (${`${role} after`})`.execute(db);

      await Promise.all(Object.values(dbs).map((db) => db.destroy()));
      const { restored, keptAs } = await restore({ databaseUrl: withDatabase(server, names.app), dir: work, only: 'temporal' });
      assert.deepEqual(restored, [names.temporal, names.visibility]);
      assert.equal(keptAs.length, 2, 'the databases as they were are kept');
      const marks = async (name: string) => {
        const db = createDb(withDatabase(server, name), { max: 1 });
        try {
          return (await sql<{ what: string }>`select what from marks order by what`.execute(db)).rows.map((r) => r.what);
        } finally {
          await db.destroy();
        }
      };
      assert.deepEqual(await marks(names.temporal), ['temporal before']);
      assert.deepEqual(await marks(names.visibility), ['visibility before']);
      assert.deepEqual(await marks(names.app), ['app after', 'app before'], 'the application\'s database is untouched');
      for (const name of [...Object.values(names), ...keptAs]) await dropDatabase(server, name);
    } finally {
      await Promise.all(Object.values(dbs).map((db) => db.destroy().catch(() => undefined)));
      await rm(work, { recursive: true, force: true });
    }
  });
});

interface Expected {
  kind: string;
  subject: string;
  repaired: boolean;
  why: string;
}

/** The finding each difference between `truth` (before the restore) and `restored` must produce. */
function expectedFindings(truth: Snapshot, restored: Snapshot): Expected[] {
  const out: Expected[] = [];
  const add = (e: Expected) => {
    if (!out.some((o) => o.kind === e.kind && o.subject === e.subject)) out.push(e);
  };
  const restoredCase = new Set(restored.cases.map((k) => k.id));
  const restoredAssignment = new Set(restored.assignments.map((x) => x.id));
  const restoredObligation = new Map(restored.obligations.map((o) => [o.id, o]));
  for (const k of truth.cases) if (!restoredCase.has(k.id)) add({ kind: 'CASE_ROW_MISSING', subject: k.id, repaired: false, why: 'a case proposed after the backup' });
  for (const x of truth.assignments) {
    if (restoredCase.has(x.case_id) && !restoredAssignment.has(x.id)) add({ kind: 'ASSIGNMENT_ROW_MISSING', subject: x.id, repaired: false, why: 'an assignment made after the backup' });
  }
  for (const h of truth.history) {
    if (restoredCase.has(h.case_id) && !restored.history.some((r) => r.case_id === h.case_id && r.seq === h.seq)) {
      add({ kind: 'TRANSITION_REWRITTEN', subject: `${h.case_id}:${h.seq}`, repaired: true, why: 'a move made after the backup' });
    }
  }
  for (const o of truth.obligations) {
    // Those of a lost case or assignment are covered by its finding.
    if (!restoredCase.has(o.case_id) || (o.assignment_id && !restoredAssignment.has(o.assignment_id))) continue;
    const was = restoredObligation.get(o.id);
    if (!was) {
      if (OPEN.includes(o.status)) add({ kind: 'OBLIGATION_ROW_MISSING', subject: o.id, repaired: false, why: `an obligation (${o.kind}) opened after the backup` });
      continue;
    }
    if (OPEN.includes(was.status) && !OPEN.includes(o.status)) {
      if (o.kind === 'VISIT') add({ kind: 'SPENT_VISIT_OBLIGATION_OPEN', subject: o.assignment_id!, repaired: false, why: `a visit obligation fulfilled after the backup (${o.id})` });
      else add({ kind: 'OBLIGATION_UNTRACKED', subject: o.id, repaired: false, why: `an obligation (${o.kind}) closed after the backup` });
    }
  }
  // Visits and reports lost with the restore show as the obligations they fulfilled, above.
  for (const v of truth.visits) {
    if (restored.visits.some((r) => r.id === v.id) || !restoredAssignment.has(v.assignment_id)) continue;
    assert.ok(out.some((e) => e.kind === 'SPENT_VISIT_OBLIGATION_OPEN' && e.subject === v.assignment_id), `the lost visit ${v.id} is accounted for`);
  }
  for (const r of truth.reports) {
    if (restored.reports.some((x) => x.id === r.id) || !r.obligation_id) continue;
    assert.ok(out.some((e) => e.subject === r.obligation_id), `the lost report ${r.id} is accounted for`);
  }
  return out;
}
