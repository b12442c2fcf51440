/**
 * Records the histories of real case workflows into test/replay/histories, for the replay test.
 * Run it (`npm run record-histories -- vN`) when a workflow change is deliberate and new paths need
 * covering; keep the old files: they stand for cases already running in production.
 *
 * Each workflow is recorded as its whole chain: every run of its workflow id, continued-as-new runs
 * included, one file per run (`vN-<scenario>.run-<n>.json`, n counting from the first run). Every
 * run replays on its own. After a full recording the sha256 of every workflow source is written to
 * workflow-sources.json, which workflow-sources.unit.test.ts compares with today's code.
 */
import { execFile } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { Stage } from '@kampung/domain';
import { caseObligationsWorkflowId, caseWorkflowId, visitCadenceWorkflowId } from '@kampung/workflows';
import { DEFAULT_BACKGROUND_TASK_QUEUE, DUPLICATE_DETECTION_WORKFLOW_ID, MAIL_SCHEDULE_ID, householdImportWorkflowId } from '@kampung/workflows';
import { escalationDigestWorkflow, mailDeliveryWorkflow, reconcilerWorkflow } from '@kampung/workflows/workflows';
import { createLog } from '@kampung/tools/stack/log';
import { startTestStack } from '@kampung/tools/stack/throwaway-stack';
import { ApiClient } from '../integration/support/api-client';
import { newAccount } from '../integration/support/accounts';
import { FULL_PATH, moverOf, validData } from '../integration/support/stage-data';
import { hashWorkflowSources, MANIFEST, type WorkflowSourcesManifest } from './workflow-sources';

const run = promisify(execFile);
const OUT = fileURLToPath(new URL('./histories/', import.meta.url));
const version = process.argv[2] ?? 'v1';
if (!/^v\d+$/.test(version)) throw new Error(`record-histories: the version is v<number> (got ${version})`);

const SCENARIOS: Record<string, { to: Stage; reason?: string }[]> = {
  'full-path-to-closed': FULL_PATH.map((to) => ({ to })),
  'hold-revision-rejection': [
    { to: 'SURVEY' },
    { to: 'ON_HOLD', reason: 'jeda' },
    { to: 'SURVEY' },
    { to: 'VERIFICATION' },
    { to: 'PROPOSAL', reason: 'revisi' },
    { to: 'SURVEY' },
    { to: 'VERIFICATION' },
    { to: 'REJECTED', reason: 'ditolak' },
  ],
  'withdrawn-in-survey': [{ to: 'SURVEY' }, { to: 'WITHDRAWN', reason: 'ditarik' }],
  'rementoring-open': [...FULL_PATH.slice(0, 9).map((to) => ({ to })), { to: 'PLANNING' as Stage, reason: 'pembinaan kembali' }],
};

/** Which scenarios to record: `npm run record-histories -- v2 visits` records only the visit cadence,
 * `-- v2 obligations` only the case obligations, `-- v5 chains` only the long chains, `-- v8 background`
 * only the household imports and duplicate detection. */
const only = process.argv[3];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function temporal(args: string[]): Promise<string> {
  const { stdout } = await run(
    stack.env.TEMPORAL_CLI!,
    [...args, '--address', stack.env.TEMPORAL_ADDRESS!, '--namespace', stack.env.TEMPORAL_NAMESPACE ?? 'default', '--output', 'json'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout;
}

/** The CLI prints one JSON value, or one per line. */
function parseJsonValues(stdout: string): any[] {
  const text = stdout.trim();
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch {
    return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  }
}

/** Every run of a workflow id, first run first: walked back from the latest run through each run's
 * `continuedExecutionRunId`, then checked against the visibility listing (which may lag a moment). */
async function workflowChain(workflowId: string): Promise<{ runId: string; history: string }[]> {
  const latest = JSON.parse(await temporal(['workflow', 'describe', '--workflow-id', workflowId]));
  const chain: { runId: string; history: string }[] = [];
  let runId: string | undefined = latest.workflowExecutionInfo.execution.runId;
  while (runId) {
    const history = await temporal(['workflow', 'show', '--workflow-id', workflowId, '--run-id', runId]);
    chain.unshift({ runId, history });
    const started = JSON.parse(history).events[0].workflowExecutionStartedEventAttributes;
    runId = started.continuedExecutionRunId || undefined;
  }
  const inChain = new Set(chain.map((r) => r.runId));
  let listed: string[] = [];
  for (let attempt = 0; attempt < 25; attempt++) {
    const runs = parseJsonValues(await temporal(['workflow', 'list', '--query', `WorkflowId='${workflowId}'`]));
    listed = runs.map((r) => r.execution.runId as string);
    if (listed.length >= chain.length && [...inChain].every((id) => listed.includes(id))) break;
    await sleep(400);
  }
  const stray = listed.filter((id) => !inChain.has(id));
  const missing = [...inChain].filter((id) => !listed.includes(id));
  if (stray.length > 0 || missing.length > 0) {
    throw new Error(`${workflowId}: the listed runs (${listed.join(', ')}) are not the continue-as-new chain (${[...inChain].join(', ')})`);
  }
  return chain;
}

/** Writes every run of a workflow as `<version>-<name>.run-<n>.json`, replacing an earlier recording. */
async function recordChain(name: string, workflowId: string): Promise<number> {
  const prefix = `${version}-${name}.run-`;
  for (const old of (await readdir(OUT)).filter((f) => f.startsWith(prefix))) await rm(OUT + old);
  const chain = await workflowChain(workflowId);
  for (const [index, { history }] of chain.entries()) await writeFile(`${OUT}${prefix}${index + 1}.json`, history);
  log.info(`recorded ${workflowId} as ${prefix}{1..${chain.length}}.json (${chain.length} run${chain.length === 1 ? '' : 's'})`);
  recorded.push({ name, runs: chain.length });
  return chain.length;
}
const recorded: { name: string; runs: number }[] = [];

/** Writes the latest run of a workflow id whose runs are not a chain (duplicate detection: one id,
 * a new run each time it is asked for) as `<version>-<name>.run-1.json`. */
async function recordLatestRun(name: string, workflowId: string): Promise<void> {
  const file = `${OUT}${version}-${name}.run-1.json`;
  await writeFile(file, await temporal(['workflow', 'show', '--workflow-id', workflowId]));
  log.info(`recorded the latest run of ${workflowId} as ${version}-${name}.run-1.json`);
  recorded.push({ name, runs: 1 });
}
/** The mentors assignments go to (an admin cannot hold a mentor's position), and one to hand over to. */
const people = { mentorId: '', otherMentorId: '' };

async function setPolicy(api: ApiClient, program: string, change: Record<string, unknown>) {
  const current = (await api.get(`/api/programs/${program}/policy`)).body;
  const res = await api.request('PUT', `/api/programs/${program}/policy`, {
    baseVersion: current.version,
    changeNote: 'record-histories',
    policy: { ...current.policy, ...change },
  });
  if (res.status !== 200) throw new Error(`policy of ${program} refused: ${JSON.stringify(res.body)}`);
}

/** Second-scale case policies: deadlines, reports, evaluations and post-graduation checks fall due while recording. */
const CASE_OBLIGATIONS_IN_SECONDS = {
  visitCadence: { MENTOR: 'PT3S' },
  reminderLead: 'PT1S',
  visitGrace: 'PT1S',
  escalationDelay: 'PT1S',
  stageMaxDuration: { SURVEY: 'PT2S', IMPLEMENTATION: 'PT30S' },
  monitoringReportPeriod: 'PT2S',
  monitoringReportDueAfter: 'PT1S',
  evaluationInterval: 'PT20S',
  graduatedMonitoringCadence: 'PT2S',
};

function expectStatus(what: string, res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const OPEN = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];
async function openObligations(api: ApiClient, caseId: string, kind: string): Promise<any[]> {
  const items = (await api.get(`/api/obligations?case=${caseId}&kind=${kind}&pageSize=200`)).body.items as any[];
  return items.filter((o) => OPEN.includes(o.status));
}
async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(200);
  }
  throw new Error(`record-histories: gave up waiting for ${what}`);
}

/** A mentor's cadence on a second-scale policy: the first visit missed until escalated, then logged. */
async function recordVisitCadence(api: ApiClient) {
  const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
  await setPolicy(api, KSM, { visitCadence: { MENTOR: 'PT3S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' });
  const kampung = await api.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '9' });
  const assignment = expectStatus('assignment', await api.post(`/api/cases/${kampung.id}/assignments`, { userId: people.mentorId, role: 'MENTOR' }), 201).body as any;
  const escalated = async () => (await api.get(`/api/obligations?case=${kampung.id}&status=ESCALATED&kind=VISIT`)).body.total === 1;
  for (let i = 0; i < 100 && !(await escalated()); i++) await new Promise((r) => setTimeout(r, 200));
  await api.post(`/api/cases/${kampung.id}/visits`, {
    assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'rekam',
  });
  await api.post(`/api/cases/${kampung.id}/visits`, {
    assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MONITORING', notes: 'rekam 2',
  });
  await recordChain('visit-cadence-escalated-then-visited', visitCadenceWorkflowId(assignment.id));
}

/** A case's obligations on second-scale policies: a stage deadline escalated, a hold and resume with
 * a visit cadence running, reports (one submitted, one waived), the evaluation, graduation, closing. */
async function recordCaseObligations(api: ApiClient, manager: ApiClient) {
  await setPolicy(api, 'KAMPUNG_TEMATIK', CASE_OBLIGATIONS_IN_SECONDS);
  let kampung = await api.propose({ kelurahanCode: '33.74.13.1002' });
  const assignment = expectStatus('assignment', await api.post(`/api/cases/${kampung.id}/assignments`, { userId: people.mentorId, role: 'MENTOR' }), 201).body as any;
  const move = async (to: Stage, reason?: string) => {
    const res = await moverOf(kampung.stage, to, api, manager).move(kampung.id, to, { reason, data: validData(kampung.stage, to) });
    if (res.status !== 200) throw new Error(`obligations: ${to} refused: ${JSON.stringify(res.body)}`);
    kampung = res.body;
  };
  await move('SURVEY');
  await sleep(5000);
  await move('ON_HOLD', 'jeda');
  await sleep(2000);
  await move('SURVEY');
  await api.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'rekam' });
  for (const to of FULL_PATH.slice(1, 8)) await move(to);
  await sleep(4500);
  const reports = (await api.get(`/api/obligations?case=${kampung.id}&kind=MONITORING_REPORT`)).body.items as any[];
  await api.post(`/api/cases/${kampung.id}/monitoring-reports`, { period: reports[0].periodLabel, progressPercent: 50, budgetRealised: 1, explanation: 'rekam' });
  if (reports[1]) await api.post(`/api/obligations/${reports[1].id}/waive`, { reason: 'rekam' });
  await move('EVALUATION');
  await move('GRADUATED');
  await sleep(3000);
  await move('CLOSED');
  await sleep(1000);
  await recordChain('case-obligations-hold-reports-graduation', caseObligationsWorkflowId(kampung.id));
  await recordChain('visit-cadence-held-and-resumed', visitCadenceWorkflowId(assignment.id));
  await recordChain('case-notifying-obligations', caseWorkflowId(kampung.id));
}

/** A mentor's cadence over a long time, on a second-scale policy: 32 visits (two of them sent at the
 * same moment, and one sent again after others, refused) and a waiver, so the cadence continues as new (every 25 closed obligations); a hold
 * and resume of the case in each run, a handover to another mentor, timers firing in the later run,
 * and the end of the assignment (POST …/assignments/{id}/end), which completes the chain. */
async function recordVisitCadenceChain(api: ApiClient) {
  const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
  await setPolicy(api, KSM, { visitCadence: { MENTOR: 'PT3S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' });
  let kampung = await api.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '11' });
  const assignment = expectStatus('assignment', await api.post(`/api/cases/${kampung.id}/assignments`, { userId: people.mentorId, role: 'MENTOR' }), 201).body as any;
  const move = async (to: Stage, reason?: string) => {
    kampung = expectStatus(`visits: ${to}`, await api.move(kampung.id, to, { reason, data: validData(kampung.stage, to) }), 200).body as any;
  };
  let visits = 0;
  const visit = async (at = new Date()) => {
    expectStatus(`visit ${visits + 1}`, await api.post(`/api/cases/${kampung.id}/visits`, {
      assignmentId: assignment.id, visitedOn: at.toISOString(), kind: 'MENTORING', notes: `rekam ${visits + 1}`,
    }), 201);
    visits += 1;
  };
  await eventually('the first visit obligation', async () => (await openObligations(api, kampung.id, 'VISIT')).length === 1);
  await sleep(2500); // its reminder and due timers fire
  const copied = new Date(Date.now() - 60_000);
  await visit(copied);
  for (let i = 0; i < 9; i++) await visit();
  // The first of them sent again after others were logged: refused, nothing closed.
  const copy = await api.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: copied.toISOString(), kind: 'MENTORING', notes: 'rekam: salinan' });
  if (copy.status !== 409 || (copy.body as any).code !== 'VISIT_ALREADY_LOGGED') throw new Error(`a visit sent again: ${copy.status} ${JSON.stringify(copy.body)}`);
  const [open] = await openObligations(api, kampung.id, 'VISIT');
  expectStatus('visit waiver', await api.post(`/api/obligations/${open.id}/waive`, { reason: 'rekam: pendamping sakit' }), 200);
  await move('ON_HOLD', 'jeda');
  await sleep(2000);
  await move('PROPOSAL');
  expectStatus('handover', await api.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/handover`, { toUserId: people.otherMentorId, reason: 'mutasi' }), 200);
  for (let i = 0; i < 10; i++) await visit();
  const now = Date.now();
  await Promise.all([visit(new Date(now - 1500)), visit(new Date(now - 500))]);
  for (let i = 0; i < 10; i++) await visit();
  // A second hold and resume, in the later run. It also wakes the timer loop: after a visit the loop
  // waits for the next message instead of the new obligation's first step (reported as a workflow bug).
  await move('ON_HOLD', 'jeda lagi');
  await sleep(1000);
  await move('PROPOSAL');
  await sleep(4500); // the open obligation's timers fire in the later run, up to its escalation
  expectStatus('assignment end', await api.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/end`, { reason: 'rekam: pendamping pindah tugas' }), 200);
  await sleep(1000);
  log.info(`visit cadence: ${visits} visits and a waiver`);
  const runs = await recordChain('visit-cadence-long-chain', visitCadenceWorkflowId(assignment.id));
  if (runs < 2) throw new Error(`visit-cadence-long-chain: expected the cadence to continue as new, got ${runs} run(s)`);
  await recordChain('visit-cadence-long-chain-case', caseWorkflowId(kampung.id));
}

/** A case's obligations from implementation to the checks after graduation: reports (one submitted,
 * one waived), a waived evaluation followed by the next, re-mentoring from EVALUATION back to
 * IMPLEMENTATION with a report there, graduation, post-graduation checks (one waived), closing. */
async function recordCaseObligationsChain(api: ApiClient, manager: ApiClient) {
  await setPolicy(api, 'KAMPUNG_TEMATIK', CASE_OBLIGATIONS_IN_SECONDS);
  let kampung = await api.propose({ kelurahanCode: '33.74.13.1002' });
  const assignment = expectStatus('assignment', await api.post(`/api/cases/${kampung.id}/assignments`, { userId: people.mentorId, role: 'MENTOR' }), 201).body as any;
  const move = async (to: Stage, reason?: string) => {
    const mover = moverOf(kampung.stage, to, api, manager);
    kampung = expectStatus(`obligations: ${to}`, await mover.move(kampung.id, to, { reason, data: validData(kampung.stage, to) }), 200).body as any;
  };
  const report = async (o: any) =>
    expectStatus(`report ${o.periodLabel}`, await api.post(`/api/cases/${kampung.id}/monitoring-reports`, {
      period: o.periodLabel, progressPercent: 50, budgetRealised: 1, explanation: 'rekam',
    }), 201);
  const waive = async (o: any) => expectStatus(`waiver of ${o.kind}`, await api.post(`/api/obligations/${o.id}/waive`, { reason: 'rekam' }), 200);

  for (const to of FULL_PATH.slice(0, 8)) await move(to);
  await sleep(4500);
  const reports = await eventually('two open reports', async () => {
    const open = await openObligations(api, kampung.id, 'MONITORING_REPORT');
    return open.length >= 2 && open;
  });
  await report(reports[0]);
  await waive(reports[1]);
  const [evaluation] = await openObligations(api, kampung.id, 'EVALUATION');
  await waive(evaluation);
  await eventually('the evaluation after the waived one', async () => (await openObligations(api, kampung.id, 'EVALUATION')).some((o) => o.id !== evaluation.id));
  await move('EVALUATION');
  await move('IMPLEMENTATION', 'pembinaan kembali');
  await sleep(3000);
  const [again] = await eventually('a report after re-mentoring', async () => {
    const open = await openObligations(api, kampung.id, 'MONITORING_REPORT');
    return open.length > 0 && open;
  });
  await report(again);
  await move('EVALUATION');
  await move('GRADUATED');
  await sleep(5000);
  const [check] = await eventually('a post-graduation check', async () => {
    const open = await openObligations(api, kampung.id, 'GRADUATE_CHECK');
    return open.length > 0 && open;
  });
  await waive(check);
  await sleep(2500);
  await move('CLOSED');
  await sleep(1000);
  await recordChain('case-obligations-reports-rementoring-graduation', caseObligationsWorkflowId(kampung.id));
  await recordChain('case-obligations-reports-rementoring-graduation-case', caseWorkflowId(kampung.id));
  await recordChain('case-obligations-reports-rementoring-graduation-visits', visitCadenceWorkflowId(assignment.id));
}

/** A reconciler pass over the cases recorded so far, a page of two cases per activity. */
async function recordReconciler() {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS! });
  try {
    const client = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default' });
    const workflowId = `record-reconciler-${Date.now()}`;
    const summary = await client.workflow.execute(reconcilerWorkflow, { taskQueue: stack.env.TEMPORAL_TASK_QUEUE!, workflowId, args: [{ pageSize: 2 }] });
    log.info(`reconciler pass: ${JSON.stringify(summary)}`);
    await recordChain('reconciler-pass', workflowId);
  } finally {
    await connection.close();
  }
}

/** A mail pass sending two invitations side by side (the schedule paused meanwhile, so that this
 * pass is the one that sends them), and a day's escalation digests. */
async function recordMail(api: ApiClient) {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS! });
  const schedule = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default' }).schedule.getHandle(MAIL_SCHEDULE_ID);
  try {
    const client = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default' });
    await schedule.pause('recording a mail pass');
    await sleep(1500); // a pass already started ends
    for (const name of ['Undangan Satu', 'Undangan Dua']) {
      const res = await api.post('/api/users', { email: `${name.toLowerCase().replace(' ', '-')}-${Date.now()}@uji.kampung`, name, role: 'OFFICER' });
      if (res.status !== 201) throw new Error(`invitation refused: ${JSON.stringify(res.body)}`);
    }
    const taskQueue = stack.env.TEMPORAL_TASK_QUEUE!;
    const passId = `record-mail-${Date.now()}`;
    log.info(`mail pass: ${JSON.stringify(await client.workflow.execute(mailDeliveryWorkflow, { taskQueue, workflowId: passId, args: [{}] }))}`);
    await recordChain('mail-pass', passId);
    const digestId = `record-digest-${Date.now()}`;
    log.info(`escalation digests: ${JSON.stringify(await client.workflow.execute(escalationDigestWorkflow, { taskQueue, workflowId: digestId }))}`);
    await recordChain('escalation-digest', digestId);
  } finally {
    await schedule.unpause().catch(() => undefined);
    await connection.close();
  }
}

/** Household imports on the background queue: a small list written (which starts duplicate
 * detection), a list refused for a bad row, and the duplicate detection a reviewer asks for. */
async function recordBackground(api: ApiClient) {
  const tag = String(Date.now()).slice(-9);
  const header = 'no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber';
  const row = (kk: string, nik: string, name: string, relation: string) => [kk, nik, name, '1980-05-17', 'L', relation, 'Jl. Rekam 1', '1', '2', '33.74.08.1005', '2', '', '2026-09-30', 'DTKS'].join(',');
  const upload = async (name: string, lines: string[]) => {
    const res = await fetch(`${stack.env.APP_URL}/api/household-imports?filename=${name}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: api.cookieHeader(), 'x-csrf-token': api.csrfToken() },
      body: [header, ...lines].join('\n'),
    });
    const started = (await res.json()) as { id: string };
    if (res.status !== 202) throw new Error(`import refused: ${res.status} ${JSON.stringify(started)}`);
    const ended = await eventually(`import ${name}`, async () => {
      const current = (await api.get(`/api/household-imports/${started.id}`)).body;
      return !['VALIDATING', 'WRITING'].includes(current.status) && current;
    });
    log.info(`import ${name}: ${ended.status}`);
    return started.id;
  };
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS! });
  try {
    const client = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default' });
    const written = await upload('rekam.csv', [row(`3374080${tag}`, `3374081705${tag.slice(-6)}`, 'Rekam Riwayat Satu', 'KEPALA KELUARGA')]);
    await client.workflow.getHandle(householdImportWorkflowId(written)).result();
    await recordChain('household-import-written', householdImportWorkflowId(written));
    await client.workflow.getHandle(DUPLICATE_DETECTION_WORKFLOW_ID).result();
    const refused = await upload('rekam-salah.csv', [row(`3374081${tag}`, '12345', 'Rekam Riwayat Dua', 'KEPALA KELUARGA')]);
    await client.workflow.getHandle(householdImportWorkflowId(refused)).result();
    await recordChain('household-import-refused', householdImportWorkflowId(refused));
    const run = await api.post('/api/duplicates/run');
    if (run.status !== 200) throw new Error(`duplicate detection: ${run.status} ${JSON.stringify(run.body)}`);
    await recordLatestRun('duplicate-detection', DUPLICATE_DETECTION_WORKFLOW_ID);
  } finally {
    await connection.close();
  }
}

/** The API answers before the worker has bundled its workflow code (tens of seconds on a loaded
 * machine): the scenarios start once a worker polls both task queues. */
async function workerPolling() {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS! });
  try {
    for (const name of [stack.env.TEMPORAL_TASK_QUEUE!, stack.env.BACKGROUND_TASK_QUEUE ?? DEFAULT_BACKGROUND_TASK_QUEUE]) {
      for (let waited = 0; ; waited += 500) {
        const queue = await connection.workflowService.describeTaskQueue({ namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default', taskQueue: { name }, taskQueueType: 1 });
        if ((queue.pollers ?? []).length > 0) break;
        if (waited > 180_000) throw new Error(`record-histories: no worker polls ${name}`);
        await sleep(500);
      }
    }
  } finally {
    await connection.close();
  }
}

const log = createLog('record');
/** The sources the worker bundles at start: what these histories are recorded on. */
const sources = hashWorkflowSources();
const stack = await startTestStack({ log });
try {
  process.env.APP_URL = stack.env.APP_URL;
  await workerPolling();
  const signIn = (role: string) => ApiClient.signedIn({ email: stack.env[`E2E_${role}_EMAIL`]!, password: stack.env[`E2E_${role}_PASSWORD`]! });
  const api = await signIn('ADMIN');
  process.env.DATABASE_URL = stack.env.DATABASE_URL;
  people.mentorId = (await (await signIn('MENTOR')).get('/api/me')).body.id;
  people.otherMentorId = (await newAccount('MENTOR', { name: 'Pendamping Pengganti' })).id;
  if (!only || only === 'visits') await recordVisitCadence(api);
  const manager = await signIn('MANAGER');
  if (!only || only === 'obligations') await recordCaseObligations(api, manager);
  if (!only || only === 'chains') {
    await recordVisitCadenceChain(api);
    await recordCaseObligationsChain(api, manager);
    await recordReconciler();
  }
  if (!only || only === 'mail') await recordMail(api);
  if (!only || only === 'background') await recordBackground(api);
  for (const [name, moves] of Object.entries(only ? {} : SCENARIOS)) {
    let current = await api.propose();
    for (const move of moves) {
      const res = await moverOf(current.stage, move.to, api, manager).move(current.id, move.to, { reason: move.reason, data: validData(current.stage, move.to) });
      if (res.status !== 200) throw new Error(`${name}: ${move.to} refused: ${JSON.stringify(res.body)}`);
      current = res.body;
    }
    await recordChain(name, current.workflowId);
  }
  // The sources these histories were recorded on: workflow-sources.unit.test.ts compares them with today's.
  if (JSON.stringify(hashWorkflowSources()) !== JSON.stringify(sources)) {
    throw new Error('workflow code changed while recording: the histories are kept, workflow-sources.json is not; record again');
  }
  const manifest: WorkflowSourcesManifest = { version, files: sources };
  await writeFile(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  log.info(`recorded ${recorded.length} workflows, ${recorded.reduce((n, r) => n + r.runs, 0)} runs: ${recorded.map((r) => `${r.name} ×${r.runs}`).join(', ')}`);
} finally {
  await stack.stop();
}
