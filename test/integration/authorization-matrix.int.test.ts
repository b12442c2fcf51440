/**
 * The authorization matrix, generated from the policy table (domain/src/access.ts): every role ×
 * every endpoint × a case within the role's reach and one outside it. What to expect is read from
 * PERMISSIONS, ROLE_REACH and TRANSITION_POLICY, not written out by hand:
 *   - no session: 401;
 *   - a role PERMISSIONS does not give the action: 403;
 *   - a case outside the user's reach: 404 (its existence does not leak);
 *   - otherwise the request gets past authorization (writes are sent invalid, so an allowed write
 *     is a 422 or 409 and changes nothing), and lists show exactly the cases within reach.
 * Every action of the table must have an endpoint here, and every route of the API must be here or
 * on the short list of session endpoints tested elsewhere.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { declaredRoutes } from '@kampung/api';
import { activitiesRepository, createDb, monitoringReportsRepository } from '@kampung/db';
import {
  ACTIONS,
  TRANSITION_POLICY,
  TRANSITION_RULES,
  USER_ROLES,
  caseReach,
  may,
  reportPeriodLabel,
  type Action,
  type CaseDetail,
  type Stage,
  type UserRole,
} from '@kampung/domain';
import { ApiClient, proposal, uniqueName } from './support/api-client';
import { newAccount, type TestAccount } from './support/accounts';
import { env } from './support/env';
import { FULL_PATH, validData } from './support/stage-data';

const KT = 'KAMPUNG_TEMATIK';
const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
/** Within reach: Kampung Tematik, kecamatan Genuk (no other test assigns IAI architects there). */
const IN_KELURAHAN = '33.74.05.1002';
const IN_KECAMATAN = '33.74.05';
const OUT_KELURAHAN = '36.71.07.1013';
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Target = 'IN' | 'OUT' | null;
interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the API declares it, e.g. /api/cases/:id. */
  route: string;
  action: Action;
  /** A case-scoped endpoint is asked of the case within reach and of the one outside it. */
  scoped: boolean;
  path: (c: Ctx, target: Target) => string;
  body?: unknown;
  /** A list or export, asked filtered to each case in turn: the case is in it exactly when within reach. */
  list?: boolean;
  shows?: (body: any, text: string, c: Ctx, target: Exclude<Target, null>) => boolean;
  /** The allowed answer may be a 404 of its own (an id that does not exist for anyone). */
  own404?: boolean;
}

interface Ctx {
  cases: Record<'IN' | 'OUT', CaseDetail>;
  /** An activity of each case: DISNAKER's in the case within reach, DINSOS's in the other. */
  activity: Record<'IN' | 'OUT', string>;
  assignment: Record<'IN' | 'OUT', string>;
  obligation: Record<'IN' | 'OUT', string>;
  tag: string;
  someUser: string;
}

const id = (c: Ctx, t: Target) => c.cases[t ?? 'IN'].id;

const ENDPOINTS: Endpoint[] = [
  // Cases
  { method: 'GET', route: '/api/cases', action: 'case.read', scoped: false, list: true, path: (c, t) => `/api/cases?q=${encodeURIComponent(c.cases[t ?? 'IN'].name)}`, shows: (b, _t, c, t) => b.items.some((i: any) => i.id === c.cases[t].id) },
  { method: 'POST', route: '/api/cases', action: 'case.propose', scoped: false, path: () => '/api/cases', body: {} },
  { method: 'GET', route: '/api/cases/:id', action: 'case.read', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}` },
  { method: 'GET', route: '/api/cases/:id/timeline', action: 'case.timeline', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/timeline` },
  { method: 'POST', route: '/api/cases/:id/transitions', action: 'case.transition', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/transitions`, body: {} },
  { method: 'GET', route: '/api/cases/:id/assignments', action: 'case.read', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/assignments` },
  { method: 'POST', route: '/api/cases/:id/assignments', action: 'case.assign', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/assignments`, body: {} },
  { method: 'POST', route: '/api/cases/:id/assignments/:assignmentId/handover', action: 'case.handover', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/assignments/${c.assignment[t ?? 'IN']}/handover`, body: {} },
  { method: 'POST', route: '/api/cases/:id/assignments/:assignmentId/end', action: 'case.assign', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/assignments/${c.assignment[t ?? 'IN']}/end`, body: {} },
  { method: 'POST', route: '/api/cases/:id/monitoring-reports', action: 'report.submit', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/monitoring-reports`, body: {} },
  { method: 'GET', route: '/api/cases/:id/monitoring-reports', action: 'report.read', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/monitoring-reports` },
  { method: 'POST', route: '/api/cases/:id/visits', action: 'visit.log', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/visits`, body: {} },
  // A visit's photos: the upload is sent as JSON (refused, 415); a photo no one uploaded is a 404 for anyone.
  { method: 'PUT', route: '/api/cases/:id/photos/:photoId', action: 'visit.log', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/photos/${NOBODY}`, body: {} },
  { method: 'GET', route: '/api/cases/:id/photos/:photoId', action: 'case.read', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/photos/${NOBODY}`, own404: true },
  { method: 'GET', route: '/api/cases/:id/audit', action: 'case.audit', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/audit` },
  { method: 'GET', route: '/api/cases/:id/audit/export', action: 'case.audit', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/audit/export` },
  { method: 'POST', route: '/api/obligations/:id/waive', action: 'obligation.waive', scoped: true, path: (c, t) => `/api/obligations/${c.obligation[t ?? 'IN']}/waive`, body: {} },
  // Lists and exports, filtered to one case: the case is there only within reach.
  { method: 'GET', route: '/api/obligations', action: 'obligation.read', scoped: false, list: true, path: (c, t) => `/api/obligations?case=${id(c, t)}`, shows: (b, _t, c, t) => b.items.some((i: any) => i.caseId === c.cases[t].id) },
  { method: 'GET', route: '/api/monitoring-reports', action: 'report.read', scoped: false, list: true, path: (c, t) => `/api/monitoring-reports?case=${id(c, t)}`, shows: (b, _t, c, t) => b.items.some((i: any) => i.caseId === c.cases[t].id) },
  { method: 'GET', route: '/api/cases/export', action: 'export.read', scoped: false, list: true, path: (c, t) => `/api/cases/export?q=${encodeURIComponent(c.cases[t ?? 'IN'].name)}`, shows: (_b, text, c, t) => text.includes(c.cases[t].id) },
  { method: 'GET', route: '/api/obligations/export', action: 'export.read', scoped: false, list: true, path: (c, t) => `/api/obligations/export?case=${id(c, t)}`, shows: (_b, text, c, t) => text.includes(c.cases[t].id) },
  { method: 'GET', route: '/api/me/inbox', action: 'obligation.read', scoped: false, path: () => '/api/me/inbox' },
  { method: 'GET', route: '/api/me/inbox/unread-count', action: 'obligation.read', scoped: false, path: () => '/api/me/inbox/unread-count' },
  // One's own inbox items: an item that is not one's own is a 404 for anyone (inbox-state tests that).
  { method: 'POST', route: '/api/me/inbox/:id/read', action: 'obligation.read', scoped: false, path: () => '/api/me/inbox/999999999999/read', own404: true },
  { method: 'POST', route: '/api/me/inbox/:id/done', action: 'obligation.read', scoped: false, path: () => '/api/me/inbox/999999999999/done', own404: true },
  { method: 'DELETE', route: '/api/me/inbox/:id/done', action: 'obligation.read', scoped: false, path: () => '/api/me/inbox/999999999999/done', own404: true },
  { method: 'GET', route: '/api/me/worklist', action: 'obligation.read', scoped: false, path: () => '/api/me/worklist' },
  // The manager's view
  { method: 'GET', route: '/api/dashboard', action: 'dashboard.read', scoped: false, path: () => '/api/dashboard' },
  { method: 'GET', route: '/api/dashboard/settings', action: 'dashboard.read', scoped: false, path: () => '/api/dashboard/settings' },
  { method: 'PUT', route: '/api/dashboard/settings', action: 'dashboard.settings', scoped: false, path: () => '/api/dashboard/settings', body: {} },
  // Program policy and reference data
  { method: 'GET', route: '/api/programs/:code/policy', action: 'policy.read', scoped: false, path: () => `/api/programs/${KT}/policy` },
  { method: 'GET', route: '/api/programs/:code/policy/versions', action: 'policy.read', scoped: false, path: () => `/api/programs/${KT}/policy/versions` },
  { method: 'PUT', route: '/api/programs/:code/policy', action: 'policy.edit', scoped: false, path: () => `/api/programs/${KT}/policy`, body: {} },
  { method: 'GET', route: '/api/programs', action: 'reference.read', scoped: false, path: () => '/api/programs' },
  { method: 'GET', route: '/api/regions', action: 'reference.read', scoped: false, path: () => '/api/regions?city=33.74' },
  // Worklists (one's own; a list that does not exist is a 404 for anyone)
  { method: 'GET', route: '/api/worklists', action: 'worklist.save', scoped: false, path: () => '/api/worklists' },
  { method: 'POST', route: '/api/worklists', action: 'worklist.save', scoped: false, path: () => '/api/worklists', body: {} },
  { method: 'GET', route: '/api/worklists/:id', action: 'worklist.save', scoped: false, path: () => `/api/worklists/${NOBODY}`, own404: true },
  { method: 'PUT', route: '/api/worklists/:id', action: 'worklist.save', scoped: false, path: () => `/api/worklists/${NOBODY}`, body: {}, own404: true },
  { method: 'DELETE', route: '/api/worklists/:id', action: 'worklist.save', scoped: false, path: () => `/api/worklists/${NOBODY}`, own404: true },
  // Accounts
  { method: 'GET', route: '/api/users', action: 'directory.read', scoped: false, path: () => '/api/users' },
  { method: 'POST', route: '/api/users', action: 'user.manage', scoped: false, path: () => '/api/users', body: {} },
  { method: 'GET', route: '/api/accounts', action: 'user.manage', scoped: false, path: () => '/api/accounts' },
  { method: 'GET', route: '/api/mail/dead-letters', action: 'user.manage', scoped: false, path: () => '/api/mail/dead-letters' },
  { method: 'PATCH', route: '/api/users/:id', action: 'user.manage', scoped: false, path: (c) => `/api/users/${c.someUser}`, body: { role: 'KING' } },
  { method: 'POST', route: '/api/users/:id/invitation', action: 'user.manage', scoped: false, path: (c) => `/api/users/${c.someUser}/invitation` },
  { method: 'PUT', route: '/api/users/:id/supervisor', action: 'user.manage', scoped: false, path: (c) => `/api/users/${c.someUser}/supervisor`, body: {} },
  { method: 'GET', route: '/api/me', action: 'account.self', scoped: false, path: () => '/api/me' },
  { method: 'POST', route: '/api/auth/password', action: 'account.self', scoped: false, path: () => '/api/auth/password', body: {} },
  // One data: households, imports, activities, duplicates
  { method: 'GET', route: '/api/households', action: 'household.read', scoped: false, path: () => '/api/households' },
  { method: 'GET', route: '/api/households/:id', action: 'household.read', scoped: false, path: () => `/api/households/${NOBODY}`, own404: true },
  { method: 'GET', route: '/api/households/:id', action: 'person.unmask', scoped: false, path: () => `/api/households/${NOBODY}?unmask=true`, own404: true },
  { method: 'POST', route: '/api/household-imports', action: 'household.import', scoped: false, path: () => '/api/household-imports', body: {} },
  { method: 'GET', route: '/api/household-imports', action: 'household.import', scoped: false, path: () => '/api/household-imports' },
  { method: 'GET', route: '/api/household-imports/:id', action: 'household.import', scoped: false, path: () => `/api/household-imports/${NOBODY}`, own404: true },
  { method: 'POST', route: '/api/household-imports/:id/cancel', action: 'household.import', scoped: false, path: () => `/api/household-imports/${NOBODY}/cancel`, own404: true },
  { method: 'GET', route: '/api/agencies', action: 'reference.read', scoped: false, path: () => '/api/agencies' },
  { method: 'GET', route: '/api/cases/:id/activities', action: 'activity.read', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/activities` },
  { method: 'POST', route: '/api/cases/:id/activities', action: 'activity.manage', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/activities`, body: {} },
  { method: 'GET', route: '/api/cases/:id/residents', action: 'activity.record', scoped: true, path: (c, t) => `/api/cases/${id(c, t)}/residents` },
  { method: 'POST', route: '/api/activities/:id/participants', action: 'activity.record', scoped: true, path: (c, t) => `/api/activities/${c.activity[t ?? 'IN']}/participants`, body: {} },
  { method: 'PUT', route: '/api/activities/:id/attendance', action: 'activity.record', scoped: true, path: (c, t) => `/api/activities/${c.activity[t ?? 'IN']}/attendance`, body: {} },
  { method: 'POST', route: '/api/activities/:id/outputs', action: 'activity.record', scoped: true, path: (c, t) => `/api/activities/${c.activity[t ?? 'IN']}/outputs`, body: {} },
  { method: 'GET', route: '/api/duplicates', action: 'duplicate.read', scoped: false, path: () => '/api/duplicates' },
  { method: 'POST', route: '/api/duplicates/run', action: 'duplicate.review', scoped: false, path: () => '/api/duplicates/run' },
  { method: 'POST', route: '/api/duplicates/:id/decision', action: 'duplicate.review', scoped: false, path: () => `/api/duplicates/${NOBODY}/decision`, body: {}, own404: true },
  { method: 'POST', route: '/api/duplicates/:id/approval', action: 'duplicate.approve', scoped: false, path: () => `/api/duplicates/${NOBODY}/approval`, own404: true },
  // The audit log
  { method: 'GET', route: '/api/audit', action: 'audit.read', scoped: false, path: () => '/api/audit' },
  { method: 'GET', route: '/api/audit/export', action: 'audit.read', scoped: false, path: () => '/api/audit/export' },
];

/** Endpoints outside the matrix, each tested on its own. */
const SESSION_ENDPOINTS = [
  'POST /api/auth/login', // login-security, api-basics
  'POST /api/auth/logout', // api-basics, csrf
  'POST /api/auth/logout-everywhere', // login-security (it would end the matrix's own sessions)
  'POST /api/invitations/accept', // invitations
  'POST /api/auth/password-reset-request', // accounts
  'GET /api/openapi.json', // public
  'GET /healthz', // public
  'GET /metrics', // metrics: open, or a bearer token (METRICS_TOKEN); no personal data
  'GET /{*path}', // the web app's pages (HTML and scripts, no data)
];

/** Is the case within reach of the account, as the table defines reach. */
function inReach(a: Account, kampung: CaseDetail): boolean {
  const reach = caseReach({ id: a.id, role: a.role, ...a.scope });
  if (reach.kind === 'NONE') return false;
  if (reach.kind === 'ASSIGNED') return a.assignedTo.includes(kampung.id);
  if (reach.kind === 'AGENCY') return a.agencyCases.includes(kampung.id);
  return (!reach.programCodes.length || reach.programCodes.includes(kampung.programCode))
    && (!reach.kecamatanCodes.length || reach.kecamatanCodes.includes(kampung.kecamatanCode));
}

interface Account extends TestAccount {
  scope: { programCodes: string[]; kecamatanCodes: string[]; agencyCode: string | null };
  assignedTo: string[];
  /** The cases where the account's agency runs an activity. */
  agencyCases: string[];
}

describe('the authorization matrix: every role × every endpoint × within and outside reach', () => {
  let admin: ApiClient;
  const accounts = new Map<UserRole, Account>();
  const ctx = {} as Ctx;
  let hold: CaseDetail;

  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    const manager = await ApiClient.signedIn(env.manager());
    ctx.tag = uniqueName('Matriks').replace(/\s+/g, '-');
    // Region-wide roles limited to Kampung Tematik (the officer also to one kecamatan); the admin
    // and the auditor have no limits; the others reach what they are assigned to.
    const scopes: Partial<Record<UserRole, Account['scope']>> = {
      OFFICER: { programCodes: [KT], kecamatanCodes: [IN_KECAMATAN], agencyCode: null },
      MANAGER: { programCodes: [KT], kecamatanCodes: [], agencyCode: null },
      AGENCY_STAFF: { programCodes: [], kecamatanCodes: [], agencyCode: 'DISNAKER' },
    };
    for (const role of USER_ROLES) {
      const scope = scopes[role] ?? { programCodes: [], kecamatanCodes: [], agencyCode: null };
      accounts.set(role, { ...(await newAccount(role, scope)), scope, assignedTo: [], agencyCases: [] });
    }
    const inCase = await admin.propose({ name: `${ctx.tag} dalam`, kelurahanCode: IN_KELURAHAN });
    const outCase = await admin.propose({ name: `${ctx.tag} luar`, programCode: KSM, kelurahanCode: OUT_KELURAHAN });
    hold = await admin.propose({ name: `${ctx.tag} jeda`, kelurahanCode: IN_KELURAHAN });
    ctx.cases = { IN: inCase, OUT: outCase };
    ctx.someUser = accounts.get('AUDITOR')!.id;
    // Teams: the field roles are assigned to the case within reach (and to the held one).
    const positions: [UserRole, string][] = [['IAI_ARCHITECT', 'IAI_ARCHITECT'], ['MENTOR', 'MENTOR'], ['COMMITTEE', 'COMMITTEE_CONTACT']];
    const assignments: Partial<Record<'IN' | 'OUT', string>> = {};
    for (const [role, position] of positions) {
      const account = accounts.get(role)!;
      for (const kampung of [inCase, hold]) {
        const res = await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: account.id, role: position });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        account.assignedTo.push(kampung.id);
        if (kampung === inCase && role === 'MENTOR') assignments.IN = res.body.id;
      }
    }
    const outMentor = await admin.post(`/api/cases/${outCase.id}/assignments`, { userId: (await newAccount('MENTOR')).id, role: 'MENTOR' });
    assignments.OUT = outMentor.body.id;
    ctx.assignment = assignments as Ctx['assignment'];
    ctx.obligation = {} as Ctx['obligation'];
    for (const t of ['IN', 'OUT'] as const) {
      const deadline = await admin.move(ctx.cases[t].id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
      assert.equal(deadline.status, 200, JSON.stringify(deadline.body));
      ctx.cases[t] = deadline.body;
      const items = await waitFor(async () => (await admin.get(`/api/obligations?case=${ctx.cases[t].id}&open=true`)).body.items as any[]);
      ctx.obligation[t] = items[0].id;
    }
    // A report and an activity in each case, written straight to PostgreSQL: both belong to kampung
    // in implementation (rules tested on their own, report-periods for reports), and these stay in
    // SURVEY. The activity is the labour agency's in the case within reach.
    const db = createDb(env.databaseUrl, { max: 1 });
    try {
      for (const t of ['IN', 'OUT'] as const) {
        await monitoringReportsRepository.insertReport(db, {
          id: randomUUID(), caseId: ctx.cases[t].id, period: '2026-10', progressPercent: 90, budgetRealised: 1, problems: '', explanation: null,
          targetPercent: 75, red: false, policyVersion: 1, submittedBy: accounts.get('ADMIN')!.id, submittedAt: new Date(), redRecipients: [],
        });
      }
      ctx.activity = {} as Ctx['activity'];
      for (const [t, agency] of [['IN', 'DISNAKER'], ['OUT', 'DINSOS']] as const) {
        ctx.activity[t] = randomUUID();
        await activitiesRepository.insertActivity(db, {
          id: ctx.activity[t], caseId: ctx.cases[t].id, agencyCode: agency, title: `Pelatihan ${t}`, kind: 'TRAINING', quota: 5,
          budget: 1_000_000, budgetSource: 'APBD', sponsor: null, createdBy: accounts.get('ADMIN')!.id, sessions: [{ date: '2026-12-01', topic: 'Sesi 1' }],
        });
      }
    } finally {
      await db.destroy();
    }
    accounts.get('AGENCY_STAFF')!.agencyCases.push(ctx.cases.IN.id);
    const held = await admin.move(hold.id, 'ON_HOLD', { reason: 'Matriks: menunggu anggaran' });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    hold = held.body;
    assert.ok(manager, 'the manager is signed in');
  });

  test('the table covers every action, and the matrix every route of the API', () => {
    const covered = new Set(ENDPOINTS.map((e) => e.action));
    assert.deepEqual(ACTIONS.filter((a) => !covered.has(a)), [], 'every action of PERMISSIONS has an endpoint in the matrix');
    const listed = new Set([...ENDPOINTS.map((e) => `${e.method} ${e.route}`), ...SESSION_ENDPOINTS]);
    assert.deepEqual(declaredRoutes().filter((r) => !listed.has(r)), [], 'every route of the API is in the matrix');
  });

  test('without a session every endpoint answers 401', async () => {
    const anonymous = new ApiClient();
    for (const e of ENDPOINTS) {
      const res = await anonymous.request(e.method, e.path(ctx, 'IN'), e.body);
      assert.equal(res.status, 401, `${e.method} ${e.route} without a session`);
    }
  });

  for (const role of USER_ROLES) {
    test(`${role}: allowed, refused (403) or not found (404) as the table says, and lists show only what is within reach`, async () => {
      const account = accounts.get(role)!;
      for (const e of ENDPOINTS) {
        for (const target of e.scoped || e.list ? (['IN', 'OUT'] as const) : ([null] as const)) {
          const res = await fetchAs(account, e, target, ctx);
          const what = `${role} ${e.method} ${e.path(ctx, target)}${target ? ` (case ${target}, within reach: ${inReach(account, ctx.cases[target])})` : ''}`;
          if (!may(role, e.action)) {
            assert.equal(res.status, 403, `${what}: the role may not (${e.action}): ${res.text.slice(0, 200)}`);
          } else if (e.scoped && target && !inReach(account, ctx.cases[target])) {
            assert.equal(res.status, 404, `${what}: outside reach, it does not exist: ${res.text.slice(0, 200)}`);
          } else {
            assert.ok(![401, 403].includes(res.status) && (e.own404 || res.status !== 404), `${what}: allowed, got ${res.status} ${res.text.slice(0, 300)}`);
            if (e.list && target) {
              assert.equal(res.status, 200, `${what}: ${res.text.slice(0, 200)}`);
              assert.equal(e.shows!(res.json, res.text, ctx, target), inReach(account, ctx.cases[target]), `${what}: listed exactly when within reach`);
            }
          }
        }
      }
    });
  }

  test('every row of the transition policy: the roles it names pass, the others are refused (403), before the move is judged', async () => {
    const inCase = ctx.cases.IN; // in SURVEY
    for (const rule of TRANSITION_RULES) {
      // Each request would be refused anyway (an illegal move, or missing its reason or data), so
      // nothing moves: an allowed role gets that refusal (409 or 422), another role a 403.
      const [kampung, to]: [CaseDetail, Stage] = rule === 'RESUME' ? [hold, 'SURVEY'] : [inCase, rule === 'RETURN_TO_PROPOSAL' ? 'PROPOSAL' : rule];
      for (const role of USER_ROLES) {
        const account = accounts.get(role)!;
        const res = await account.api.post(`/api/cases/${kampung.id}/transitions`, { to });
        const what = `${role} moving ${kampung.stage} → ${to} (rule ${rule})`;
        if (!may(role, 'case.transition')) assert.equal(res.status, 403, `${what}: no moves at all for this role`);
        else if (!inReach(account, kampung)) assert.equal(res.status, 404, what);
        else if (TRANSITION_POLICY[rule].includes(role)) assert.ok([409, 422].includes(res.status), `${what}: allowed, refused only for the move itself: ${res.status} ${JSON.stringify(res.body)}`);
        else assert.equal(res.status, 403, `${what}: ${JSON.stringify(res.body)}`);
      }
    }
    const after = (await admin.get(`/api/cases/${inCase.id}`)).body;
    assert.equal(after.stage, 'SURVEY', 'nothing moved');
  });

  test('a case lists only the moves the role may make; a mentor logs visits only on their own assignment', async () => {
    const officerView = (await accounts.get('OFFICER')!.api.get(`/api/cases/${ctx.cases.IN.id}`)).body;
    assert.deepEqual(officerView.allowedTransitions.sort(), ['ON_HOLD', 'VERIFICATION', 'WITHDRAWN']);
    const architectView = (await accounts.get('IAI_ARCHITECT')!.api.get(`/api/cases/${ctx.cases.IN.id}`)).body;
    assert.deepEqual(architectView.allowedTransitions, ['VERIFICATION'], 'the architect submits the survey for verification, nothing else');
    const mentorView = (await accounts.get('MENTOR')!.api.get(`/api/cases/${ctx.cases.IN.id}`)).body;
    assert.deepEqual(mentorView.allowedTransitions, [], 'a mentor makes no moves');

    const architectAssignment = (await admin.get(`/api/cases/${ctx.cases.IN.id}/assignments`)).body.find((a: any) => a.role === 'IAI_ARCHITECT');
    const visit = { assignmentId: architectAssignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Bukan kunjungan saya' };
    const refused = await accounts.get('MENTOR')!.api.post(`/api/cases/${ctx.cases.IN.id}/visits`, visit);
    assert.equal(refused.status, 403, `another person's assignment: ${JSON.stringify(refused.body)}`);
  });

  test('a program-limited admin administers their program only: its policy, its accounts, its cases', async () => {
    const ktAdmin = await newAccount('ADMIN', { programCodes: [KT] });
    const policy = (await ktAdmin.api.get(`/api/programs/${KSM}/policy`)).body;
    const other = await ktAdmin.api.request('PUT', `/api/programs/${KSM}/policy`, { baseVersion: policy.version, changeNote: 'Bukan program saya', policy: policy.policy });
    assert.equal(other.status, 403, `another program's policy: ${JSON.stringify(other.body)}`);
    const unlimited = await ktAdmin.api.post('/api/users', { email: `luas-${Date.now()}@kampung.demo`, name: 'Tanpa batas', role: 'OFFICER' });
    assert.equal(unlimited.status, 403, 'an account without limits is beyond a program admin');
    const mine = await ktAdmin.api.post('/api/users', { email: `kt-${Date.now()}@kampung.demo`, name: 'Petugas KT', role: 'OFFICER', programCodes: [KT] });
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    const accountsSeen = (await ktAdmin.api.get('/api/accounts')).body as any[];
    assert.ok(accountsSeen.length > 0 && accountsSeen.every((a) => a.programCodes.length > 0 && a.programCodes.every((p: string) => p === KT)), 'only accounts of Kampung Tematik are listed');
    const foreign = await ktAdmin.api.request('PATCH', `/api/users/${accounts.get('AUDITOR')!.id}`, { name: 'Diubah' });
    assert.equal(foreign.status, 403, 'an account beyond their programs cannot be changed');
    assert.equal((await ktAdmin.api.get(`/api/cases/${ctx.cases.OUT.id}`)).status, 404, 'a case of the other program does not exist for them');
    const elsewhere = await ktAdmin.api.post('/api/cases', proposal({ programCode: KSM, kelurahanCode: OUT_KELURAHAN }));
    assert.equal(elsewhere.status, 403, 'nor can they propose one there');
  });

  test('red reports reach the admins and managers whose reach includes the case, no one else', async () => {
    const manager = accounts.get('MANAGER')!; // Kampung Tematik only
    // Two kampung in implementation, like the matrix's two cases: one of each program.
    const implementing = {
      IN: await admin.propose({ name: `${ctx.tag} lapor dalam`, kelurahanCode: IN_KELURAHAN }),
      OUT: await admin.propose({ name: `${ctx.tag} lapor luar`, programCode: KSM, kelurahanCode: OUT_KELURAHAN }),
    };
    for (const t of ['IN', 'OUT'] as const) {
      let at: Stage = 'PROPOSAL';
      for (const to of FULL_PATH.slice(0, FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
        ok(await admin.move(implementing[t].id, to, { data: validData(at, to) }), 200);
        at = to;
      }
      const red = { period: reportPeriodLabel(new Date(), 'P1M'), progressPercent: 10, budgetRealised: 1, explanation: 'Matriks: dana terlambat' };
      ok(await admin.post(`/api/cases/${implementing[t].id}/monitoring-reports`, red), 201);
    }
    const heard = async (api: ApiClient, t: 'IN' | 'OUT') =>
      ((await api.get('/api/me/inbox')).body as any[]).some((i) => i.kind === 'RED_REPORT' && i.case.id === implementing[t].id);
    assert.deepEqual([await heard(manager.api, 'IN'), await heard(manager.api, 'OUT')], [true, false], 'the Kampung Tematik manager hears of its own program only');
    assert.deepEqual([await heard(admin, 'IN'), await heard(admin, 'OUT')], [true, true], 'an admin without limits hears of both');
  });

  test('a program-limited manager reads the dashboard of their program only', async () => {
    const manager = accounts.get('MANAGER')!;
    assert.equal((await manager.api.get(`/api/dashboard?program=${KT}`)).status, 200);
    const other = await manager.api.get(`/api/dashboard?program=${KSM}`);
    assert.equal(other.status, 403, JSON.stringify(other.body));
    const mine = (await manager.api.get('/api/dashboard')).body;
    assert.ok(mine.stages.every((s: any) => s.programCode === KT), 'the figures cover Kampung Tematik only');
    const limitedOfficer = await accounts.get('OFFICER')!.api.get('/api/dashboard');
    assert.ok(limitedOfficer.body.coverage.every((k: any) => k.kecamatan.code === IN_KECAMATAN), 'an officer of one kecamatan sees its coverage only');
    const whole = await manager.api.get('/api/audit');
    assert.equal(whole.status, 403, 'managers read a case\'s audit log, not the whole of it');
  });
});

function ok(res: { status: number; body: unknown }, status: number) {
  assert.equal(res.status, status, JSON.stringify(res.body));
}

async function fetchAs(account: Account, e: Endpoint, target: Target, ctx: Ctx) {
  const path = e.path(ctx, target);
  const res = await fetch(env.appUrl + path, {
    method: e.method,
    headers: {
      cookie: account.api.cookieHeader(),
      ...(e.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(e.method === 'GET' ? {} : { 'x-csrf-token': account.api.csrfToken() }),
    },
    body: e.body === undefined ? undefined : JSON.stringify(e.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json: json as any };
}

async function waitFor<T extends unknown[]>(read: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value.length > 0) return value;
    if (Date.now() > until) throw new Error('nothing appeared in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
