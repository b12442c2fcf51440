import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICIES, type CaseDetail, type Stage } from '@kampung/domain';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually } from './support/temporal';

const KT = 'KAMPUNG_TEMATIK';

/** The calendar month (WIB) of an instant, `months` later: `2026-12`. */
function monthOf(instant: Date | number, months = 0): string {
  const wib = new Date(new Date(instant).getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() + months, 1)).toISOString().slice(0, 7);
}

describe('a monitoring report names a period of the case\'s implementation', () => {
  let admin: ApiClient;
  let manager: ApiClient;

  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    manager = await ApiClient.signedIn(env.manager());
    // Calendar months, and nothing else running on its own.
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: laporan bulanan',
      policy: { ...DEFAULT_POLICIES.KAMPUNG_TEMATIK, visitCadence: {}, stageMaxDuration: {} },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(async () => {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji selesai: kebijakan bawaan',
      policy: DEFAULT_POLICIES.KAMPUNG_TEMATIK,
    });
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
  const report = (caseId: string, period: string) =>
    admin.post(`/api/cases/${caseId}/monitoring-reports`, { period, progressPercent: 80, budgetRealised: 1_000_000 });
  async function assertRefused(caseId: string, period: string) {
    const res = await report(caseId, period);
    assert.equal(res.status, 422, `${period}: ${JSON.stringify(res.body)}`);
    assert.match(String(res.headers.get('content-type')), /application\/problem\+json/);
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['period'], `${period}: the period is named`);
  }

  test('when a report names a period that does not exist, lies before the implementation began or has not begun, then it is refused with 422 naming the period and nothing is written', async () => {
    const kampung = await admin.propose();
    // Before implementation no period is the case's.
    const planning = await moveTo(kampung, 'PLANNING');
    await assertRefused(kampung.id, monthOf(Date.now()));

    const implementing = await moveTo(planning, 'IMPLEMENTATION');
    const began = Date.parse(implementing.history.at(-1)!.at);
    const obligation = await eventually(async () => {
      const [o] = (await admin.get(`/api/obligations?case=${kampung.id}&kind=MONITORING_REPORT`)).body.items;
      assert.ok(o, 'the first report obligation is not written yet');
      return o;
    });
    assert.equal(obligation.periodLabel, monthOf(began), 'the first period is the month implementation began in');

    for (const period of ['2026-02-31', '0000-01', '2026-13', '2026-02-31T00:00:00']) await assertRefused(kampung.id, period);
    await assertRefused(kampung.id, monthOf(began, -1));
    await assertRefused(kampung.id, monthOf(Date.now(), 1));

    assert.equal((await admin.get(`/api/cases/${kampung.id}/monitoring-reports`)).body.total, 0, 'no report was written');
    const untouched = (await admin.get(`/api/obligations?case=${kampung.id}&kind=MONITORING_REPORT`)).body.items;
    assert.deepEqual(untouched.map((o: { id: string; status: string }) => [o.id, o.status]), [[obligation.id, obligation.status]], 'the obligation is still open');
    const audit = (await admin.get(`/api/audit?case=${kampung.id}&pageSize=200`)).body.items as { action: string }[];
    assert.ok(!audit.some((e) => e.action.startsWith('REPORT_')), 'nothing was audited as a report');

    // The first month of the implementation is within it.
    const first = await report(kampung.id, obligation.periodLabel);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.fulfilledObligationId, obligation.id);

    // After graduation reports go on (post-graduation checks), within the same bounds.
    await moveTo(implementing, 'GRADUATED');
    await assertRefused(kampung.id, monthOf(began, -1));
    await assertRefused(kampung.id, monthOf(Date.now(), 1));
  });
});
