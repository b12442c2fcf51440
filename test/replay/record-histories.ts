/**
 * Records the histories of real case workflows into test/replay/histories, for the replay test.
 * Run it (`npm run record-histories`) when a workflow change is deliberate and new paths need
 * covering; keep the old files: they stand for cases already running in production.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Stage } from '@kampung/domain';
import { createLog } from '../stack/log';
import { startTestStack } from '../support/stack';
import { ApiClient } from '../integration/support/api-client';
import { FULL_PATH, validData } from '../integration/support/stage-data';

const run = promisify(execFile);
const OUT = fileURLToPath(new URL('./histories/', import.meta.url));
const version = process.argv[2] ?? 'v1';

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
 * `-- v2 obligations` only the case obligations. */
const only = process.argv[3];

async function workflowHistory(workflowId: string): Promise<string> {
  const { stdout } = await run(stack.env.TEMPORAL_CLI!, [
    'workflow', 'show', '--workflow-id', workflowId,
    '--address', stack.env.TEMPORAL_ADDRESS!, '--namespace', stack.env.TEMPORAL_NAMESPACE ?? 'default', '--output', 'json',
  ]);
  return stdout;
}

/** A mentor's cadence on a second-scale policy: the first visit missed until escalated, then logged. */
async function recordVisitCadence(api: ApiClient) {
  const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
  const current = (await api.get(`/api/programs/${KSM}/policy`)).body;
  await api.request('PUT', `/api/programs/${KSM}/policy`, {
    baseVersion: current.version,
    changeNote: 'record-histories',
    policy: { ...current.policy, visitCadence: { MENTOR: 'PT3S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' },
  });
  const me = (await api.get('/api/me')).body;
  const kampung = await api.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '9' });
  const assignment = (await api.post(`/api/cases/${kampung.id}/assignments`, { userId: me.id, role: 'MENTOR' })).body;
  const escalated = async () => (await api.get(`/api/obligations?case=${kampung.id}&status=ESCALATED&kind=VISIT`)).body.total === 1;
  for (let i = 0; i < 100 && !(await escalated()); i++) await new Promise((r) => setTimeout(r, 200));
  await api.post(`/api/cases/${kampung.id}/visits`, {
    assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'rekam',
  });
  await api.post(`/api/cases/${kampung.id}/visits`, {
    assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MONITORING', notes: 'rekam 2',
  });
  const file = `${OUT}${version}-visit-cadence-escalated-then-visited.json`;
  await writeFile(file, await workflowHistory(`visits-${assignment.id}`));
  log.info(`recorded ${file}`);
}

/** A case's obligations on second-scale policies: a stage deadline escalated, a hold and resume with
 * a visit cadence running, reports (one submitted, one waived), the evaluation, graduation, closing. */
async function recordCaseObligations(api: ApiClient) {
  const KT = 'KAMPUNG_TEMATIK';
  const current = (await api.get(`/api/programs/${KT}/policy`)).body;
  await api.request('PUT', `/api/programs/${KT}/policy`, {
    baseVersion: current.version,
    changeNote: 'record-histories',
    policy: {
      ...current.policy,
      visitCadence: { MENTOR: 'PT3S' },
      reminderLead: 'PT1S',
      visitGrace: 'PT1S',
      escalationDelay: 'PT1S',
      stageMaxDuration: { SURVEY: 'PT2S', IMPLEMENTATION: 'PT30S' },
      monitoringReportPeriod: 'PT2S',
      monitoringReportDueAfter: 'PT1S',
      evaluationInterval: 'PT20S',
      graduatedMonitoringCadence: 'PT2S',
    },
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const me = (await api.get('/api/me')).body;
  let kampung = await api.propose({ kelurahanCode: '33.74.13.1002' });
  const assignment = (await api.post(`/api/cases/${kampung.id}/assignments`, { userId: me.id, role: 'MENTOR' })).body;
  const move = async (to: Stage, reason?: string) => {
    const res = await api.move(kampung.id, to, { reason, data: validData(kampung.stage, to) });
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
  for (const [name, workflowId] of [
    ['case-obligations-hold-reports-graduation', `obligations-${kampung.id}`],
    ['visit-cadence-held-and-resumed', `visits-${assignment.id}`],
    ['case-notifying-obligations', `case-${kampung.id}`],
  ]) {
    const file = `${OUT}${version}-${name}.json`;
    await writeFile(file, await workflowHistory(workflowId!));
    log.info(`recorded ${file}`);
  }
}

const log = createLog('record');
const stack = await startTestStack({ log });
try {
  process.env.APP_URL = stack.env.APP_URL;
  const api = await ApiClient.signedIn({ email: stack.env.E2E_ADMIN_EMAIL!, password: stack.env.E2E_ADMIN_PASSWORD! });
  if (!only || only === 'visits') await recordVisitCadence(api);
  if (!only || only === 'obligations') await recordCaseObligations(api);
  for (const [name, moves] of Object.entries(only ? {} : SCENARIOS)) {
    let current = await api.propose();
    for (const move of moves) {
      const res = await api.move(current.id, move.to, { reason: move.reason, data: validData(current.stage, move.to) });
      if (res.status !== 200) throw new Error(`${name}: ${move.to} refused: ${JSON.stringify(res.body)}`);
      current = res.body;
    }
    const file = `${OUT}${version}-${name}.json`;
    await writeFile(file, await workflowHistory(current.workflowId));
    log.info(`recorded ${file}`);
  }
} finally {
  await stack.stop();
}
