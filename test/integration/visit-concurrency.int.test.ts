import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb, type Db } from '@kampung/db';
import { ApiClient, type ApiResponse } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { eventually } from './support/temporal';

/** Visits logged at the same moment on one assignment (a mentor and an officer, or a phone's queue
 * sent again): each is answered, none waits forever, and no obligation is fulfilled twice. */
const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const ANSWER_WITHIN_MS = 20_000;

/** A request that must be answered: a hang fails the test instead of holding it. */
async function answered<T>(request: Promise<ApiResponse<T>>, what: string): Promise<ApiResponse<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS / 1000} s`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('visits logged at the same moment on one assignment', () => {
  let admin: ApiClient;
  let mentorId: string;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    mentorId = (await newAccount('MENTOR')).id;
    db = createDb(env.databaseUrl, { max: 2 });
    // A cadence of days: every obligation stays open while the test logs its visits.
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: kunjungan serentak',
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: 'P14D' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(async () => {
    await db.destroy();
  });

  async function assignedMentor() {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '4' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' })).body;
    assert.ok(assignment.id, JSON.stringify(assignment));
    await eventually(async () => assert.ok((await openVisitObligations(assignment.id)).length === 1, 'the first obligation is open'));
    return { caseId: kampung.id as string, assignmentId: assignment.id as string };
  }
  const visit = (caseId: string, assignmentId: string, visitedOn: string, notes = 'Pendampingan') =>
    admin.post(`/api/cases/${caseId}/visits`, { assignmentId, visitedOn, kind: 'MENTORING', notes });
  const openVisitObligations = (assignmentId: string) =>
    db.selectFrom('obligations').select(['id', 'seq']).where('assignment_id', '=', assignmentId).where('kind', '=', 'VISIT')
      .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED']).execute();
  /** Visits kept, and which obligation each fulfilled. */
  const visitsOf = (assignmentId: string) =>
    db.selectFrom('visits').select(['id', 'obligation_id']).where('assignment_id', '=', assignmentId).execute();

  test('when two different visits arrive together, then each is answered and each fulfils its own obligation', async () => {
    const { caseId, assignmentId } = await assignedMentor();
    const hour = 3_600_000;
    const [a, b] = await Promise.all([
      answered(visit(caseId, assignmentId, new Date(Date.now() - 2 * hour).toISOString(), 'Kunjungan pagi'), 'first visit'),
      answered(visit(caseId, assignmentId, new Date(Date.now() - hour).toISOString(), 'Kunjungan siang'), 'second visit'),
    ]);
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(b.status, 201, JSON.stringify(b.body));
    assert.notEqual(a.body.fulfilledObligationId, b.body.fulfilledObligationId, 'one obligation, one visit');
    const visits = await visitsOf(assignmentId);
    assert.equal(new Set(visits.map((v) => v.obligation_id)).size, 2);
    await eventually(async () => assert.equal((await openVisitObligations(assignmentId)).length, 1, 'the next one is open'));
  });

  test('when the same visit is sent twice at once, then one is kept and the other is told it is already logged', async () => {
    const { caseId, assignmentId } = await assignedMentor();
    const visitedOn = new Date(Date.now() - 3_600_000).toISOString();
    const answers = await Promise.all([
      answered(visit(caseId, assignmentId, visitedOn), 'first copy'),
      answered(visit(caseId, assignmentId, visitedOn), 'second copy'),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409], JSON.stringify(answers.map((r) => r.body)));
    const refused = answers.find((r) => r.status === 409)!;
    assert.equal(refused.body.code, 'VISIT_ALREADY_LOGGED');
    assert.equal((await visitsOf(assignmentId)).length, 1, 'nothing of the refused copy is kept');
  });

  test('when a visit is sent again after another visit was logged in between, then it is told it is already logged', async () => {
    // Seen in the simulation (seed 2): the copy was compared only with the latest visit, so it
    // fulfilled a second obligation.
    const { caseId, assignmentId } = await assignedMentor();
    const hour = 3_600_000;
    const morning = new Date(Date.now() - 3 * hour).toISOString();
    const first = await answered(visit(caseId, assignmentId, morning, 'Kunjungan pagi'), 'morning visit');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const other = await answered(visit(caseId, assignmentId, new Date(Date.now() - hour).toISOString(), 'Kunjungan siang'), 'afternoon visit');
    assert.equal(other.status, 201, JSON.stringify(other.body));
    const copy = await answered(visit(caseId, assignmentId, morning, 'Kunjungan pagi'), 'morning visit again');
    assert.equal(copy.status, 409, JSON.stringify(copy.body));
    assert.equal(copy.body.code, 'VISIT_ALREADY_LOGGED');
    assert.equal((await visitsOf(assignmentId)).length, 2, 'nothing of the copy is kept');
    await eventually(async () => assert.deepEqual((await openVisitObligations(assignmentId)).map((o) => o.seq), [3], 'two obligations fulfilled, the third open'));
  });

  test('when two visits arrive together at the end of a run (the 25th), then both are answered and the cadence goes on', async () => {
    const { caseId, assignmentId } = await assignedMentor();
    const start = Date.now() - 40 * 86_400_000;
    const at = (n: number) => new Date(start + n * 3_600_000).toISOString();
    for (let n = 1; n <= 24; n++) {
      const res = await answered(visit(caseId, assignmentId, at(n)), `visit ${n}`);
      assert.equal(res.status, 201, `visit ${n}: ${JSON.stringify(res.body)}`);
    }
    const [a, b] = await Promise.all([
      answered(visit(caseId, assignmentId, at(25)), 'visit 25'),
      answered(visit(caseId, assignmentId, at(26)), 'visit 26'),
    ]);
    assert.deepEqual([a.status, b.status], [201, 201], JSON.stringify([a.body, b.body]));
    assert.notEqual(a.body.fulfilledObligationId, b.body.fulfilledObligationId);
    // The cadence lives on past the run's end: a later visit is answered and one obligation is open.
    const later = await answered(visit(caseId, assignmentId, at(27)), 'visit 27');
    assert.equal(later.status, 201, JSON.stringify(later.body));
    await eventually(async () => {
      const open = await openVisitObligations(assignmentId);
      assert.deepEqual(open.map((o) => o.seq), [28], 'exactly the next obligation is open');
    });
    const visits = await visitsOf(assignmentId);
    assert.equal(visits.length, 27);
    assert.equal(new Set(visits.map((v) => v.obligation_id)).size, 27, 'every visit fulfilled its own obligation');
  });
});
