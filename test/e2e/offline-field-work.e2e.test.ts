/**
 * Issue 14, points 2, 3 and 4: a mentor's day with no signal. The app opens offline (the service
 * worker keeps it), shows when its data was last brought up to date, keeps visits (with photos made
 * small on the phone, and its location) and monitoring reports on the device, and sends each exactly
 * once when the connection returns, also when half of the sends fail on the way, some after the
 * server has done them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { CasePage } from './pages/CasePage';
import { FieldWorkOffline } from './pages/FieldWorkOffline';
import { LoginPage } from './pages/LoginPage';
import { MonitoringSection } from './pages/MonitoringSection';
import { WorklistPage } from './pages/WorklistPage';
import { cameraPhoto } from './support/camera-photo';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  eventually,
  launchChromium,
  MENTOR_EMAIL,
  MENTOR_PASSWORD,
  newAppPage,
  screenshotOnFailure,
  SKIP_WITHOUT_APP,
} from './support/e2e';
import type { Stage } from '@kampung/domain';
import { FULL_PATH, validData } from '../integration/support/stage-data';
import { mulberry32 } from '../simulation/prng';

const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';

interface Policy {
  version: number;
  policy: { visitCadence: Record<string, string> } & Record<string, unknown>;
}
interface Timeline {
  events: { kind: string; summary: Record<string, unknown>; reason: string | null; evidence?: { photoIds: string[]; located: boolean } }[];
}

/** The API's limit for one photo: 300 KB. */
const MAX_PHOTO_BYTES = 307_200;
interface Obligation {
  caseId: string;
  status: string;
  periodLabel: string | null;
}

let admin: Api;
let mentor: Api;
let mentorId = '';
let policyBefore: Policy | undefined;

before(async () => {
  if (SKIP_WITHOUT_APP) return;
  assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && MENTOR_EMAIL && MENTOR_PASSWORD, 'E2E_ADMIN_* and E2E_MENTOR_* must be set');
  admin = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  mentor = await Api.signIn(MENTOR_EMAIL, MENTOR_PASSWORD);
  mentorId = (await mentor.call<{ id: string }>('GET', '/api/me')).body.id;
  // Mentor visits fall due within hours (the default is every 14 days), so they are on this week's worklist.
  policyBefore = (await admin.call<Policy>('GET', `/api/programs/${PROGRAM}/policy`)).body;
  const changed = await admin.call('PUT', `/api/programs/${PROGRAM}/policy`, {
    baseVersion: policyBefore.version,
    changeNote: 'Uji e2e: kunjungan pendamping tiap 2 jam',
    policy: { ...policyBefore.policy, visitCadence: { ...policyBefore.policy.visitCadence, MENTOR: 'PT2H' } },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
});

after(async () => {
  if (!policyBefore) return;
  const latest = (await admin.call<Policy>('GET', `/api/programs/${PROGRAM}/policy`)).body;
  await admin.call('PUT', `/api/programs/${PROGRAM}/policy`, { baseVersion: latest.version, changeNote: 'Uji e2e: kembalikan kebijakan', policy: policyBefore.policy });
});

/** Seeds through the API, asking again (with the same Idempotency-Key) while it answers 503: on a
 * loaded machine Temporal may answer late, after the write was done. */
async function seed<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const end = Date.now() + 60_000;
  const key = randomUUID();
  for (;;) {
    const answer = await admin.call<T>(method, url, body, { 'Idempotency-Key': key });
    if (answer.status !== 503 || Date.now() > end) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A kampung in implementation with the demo mentor as lead: a visit due this week on their worklist
 * and a monthly report open. */
async function kampungInImplementation(label: string): Promise<{ id: string; name: string; period: string }> {
  const name = `Kampung Luring ${label} ${Date.now().toString(36)}`;
  const created = await seed<{ id: string }>('POST', '/api/cases', {
    programCode: PROGRAM,
    kelurahanCode: '36.71.07.1013',
    rw: '6',
    name,
    theme: 'Kampung Uji Tanpa Sinyal',
    profile: { households: 80, poorHouseholds: 20, potentials: [], problems: [] },
    proposer: { name: 'Uji', organisation: 'RW 006' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  let from: Stage = 'PROPOSAL';
  for (const to of FULL_PATH.slice(0, FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
    const moved: { status: number; body: unknown } = await seed('POST', `/api/cases/${id}/transitions`, { to, data: validData(from, to) });
    assert.equal(moved.status, 200, `${from} → ${to}: ${JSON.stringify(moved.body)}`);
    from = to;
  }
  const assigned = await seed('POST', `/api/cases/${id}/assignments`, { userId: mentorId, role: 'MENTOR', lead: true });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const period = await eventually(async () => {
    const work = (await mentor.call<Record<'dueThisWeek' | 'overdue' | 'escalated', Obligation[]>>('GET', '/api/me/worklist')).body;
    assert.ok([...work.dueThisWeek, ...work.overdue, ...work.escalated].some((o) => o.caseId === id), 'the first visit is on the worklist');
    const { items } = (await admin.call<{ items: Obligation[] }>('GET', `/api/obligations?case=${id}&kind=MONITORING_REPORT`)).body;
    const open = items.find((o) => o.periodLabel && ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'].includes(o.status));
    assert.ok(open?.periodLabel, 'a monitoring report obligation is open');
    return open.periodLabel;
  }, 30_000);
  return { id, name, period };
}

/** What the server holds for a case: the visits' notes and the reports' periods. */
async function recorded(caseId: string): Promise<{ visits: string[]; reports: string[] }> {
  const timeline = await admin.call<Timeline>('GET', `/api/cases/${caseId}/timeline`);
  assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
  const reports = await admin.call<{ items: { period: string }[] }>('GET', `/api/cases/${caseId}/monitoring-reports?pageSize=50`);
  assert.equal(reports.status, 200, JSON.stringify(reports.body));
  const visits = timeline.body.events.filter((e) => e.kind === 'VISIT').map((e) => String(e.summary.notes ?? e.reason ?? ''));
  return { visits, reports: reports.body.items.map((r) => r.period) };
}

/** The visits the server holds for a case, each with its evidence, by their notes. */
async function visitEvidence(caseId: string): Promise<Map<string, { photoIds: string[]; located: boolean }>> {
  const timeline = await admin.call<Timeline>('GET', `/api/cases/${caseId}/timeline`);
  assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
  const visits = timeline.body.events.filter((e) => e.kind === 'VISIT');
  return new Map(visits.map((e) => [String(e.summary.notes ?? ''), e.evidence ?? { photoIds: [], located: false }]));
}

/** Each photo, read back as the app reads it, is a JPEG of at most 300 KB. */
async function assertSmallJpegs(page: Page, caseId: string, photoIds: string[]): Promise<void> {
  for (const photoId of photoIds) {
    const answer = await page.request.get(`/api/cases/${caseId}/photos/${photoId}`);
    assert.equal(answer.status(), 200, `photo ${photoId}`);
    assert.match(answer.headers()['content-type'] ?? '', /^image\/jpeg/);
    const bytes = await answer.body();
    assert.ok(bytes.length > 0 && bytes.length <= MAX_PHOTO_BYTES, `photo ${photoId} is ${bytes.length} bytes`);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG (its start of image marker)');
  }
}

/** A phone (390 × 844, Indonesian, Jakarta time) with the app's service worker, signed in as the mentor. */
async function mentorsPhone(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<Page> {
  const page = await newAppPage(browser, { phone: true, serviceWorker: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Signed in wherever the app lands a mentor (their worklist, or the case list).
  const login = new LoginPage(page);
  await login.open();
  assert.equal((await login.signIn(MENTOR_EMAIL, MENTOR_PASSWORD)).status(), 200);
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** A `datetime-local` value some hours ago, in Jakarta time (WIB, UTC+7 all year). */
function hoursAgoInJakarta(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

async function fillReport(page: Page, period: string): Promise<MonitoringSection> {
  const monitoring = new MonitoringSection(page);
  await monitoring.form().waitFor();
  await eventually(async () => assert.equal(await monitoring.field('Periode (bulan)').inputValue(), period));
  await monitoring.fill({ progress: '100', budget: '30000000', problems: 'Tidak ada sinyal di lokasi.' });
  return monitoring;
}

test(
  'a mentor with no signal reloads the app, logs two visits with a photo each and a monitoring report on the phone, and once back online the server has each exactly once, its photo made small',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    const kampung = await kampungInImplementation('A');
    const browser = await launchChromium();
    try {
      const page = await mentorsPhone(browser);
      const offline = new FieldWorkOffline(page);
      const worklist = new WorklistPage(page);
      // The phone knows where it is (in the kampung), and the mentor lets the app ask.
      await page.context().grantPermissions(['geolocation']);
      await page.context().setGeolocation({ latitude: -6.2297, longitude: 106.6894, accuracy: 12 });
      await screenshotOnFailure(page, 'offline-field-work', async () => {
        const [morningPhoto, eveningPhoto] = [await cameraPhoto(page, 1), await cameraPhoto(page, 2)];
        for (const photo of [morningPhoto, eveningPhoto]) assert.ok(photo.length > MAX_PHOTO_BYTES, `the camera's photo is ${photo.length} bytes`);

        // Given the app installed on the phone, the worklist and the kampung's page opened once with a signal
        await offline.waitForServiceWorker();
        await worklist.openFromHeader();
        await worklist.card(kampung.name).first().waitFor();
        await page.goto(`/cases/${kampung.id}`);
        await new MonitoringSection(page).form().waitFor();
        await worklist.openFromHeader();

        // When the signal is gone and the app is reloaded
        await page.context().setOffline(true);
        await page.reload();

        // Then it opens on the worklist, with the time its data was brought up to date
        await page.getByRole('heading', { level: 1, name: 'Daftar kerja saya' }).waitFor();
        await offline.status().filter({ hasText: 'Tanpa sinyal' }).waitFor();
        assert.match(await offline.dataAsOf().innerText(), /^Data per \d{1,2} \S+, \d{2}\.\d{2}$/);
        const card = worklist.card(kampung.name).first();
        await card.waitFor();

        // When they log two visits, each with a photo from the camera (the first with the location too);
        // each is kept on the device and said so in view, its photo counted with it
        const morning = { photos: [morningPhoto!], location: true };
        assert.equal(await offline.logVisit(kampung.name, 'Kunjungan pagi tanpa sinyal', hoursAgoInJakarta(3), morning), 'device');
        await offline.waitForWaiting(1, 1);
        assert.equal(await offline.logVisit(kampung.name, 'Kunjungan sore tanpa sinyal', hoursAgoInJakarta(1), { photos: [eveningPhoto!] }), 'device');
        await offline.waitForWaiting(2, 2);

        // And a monitoring report from the kampung's page, opened offline
        await card.getByRole('link', { name: kampung.name, exact: true }).click();
        const monitoring = await fillReport(page, kampung.period);
        assert.equal(await offline.submitReport(monitoring.form()), 'device');
        await offline.waitForWaiting(3, 2);

        // Then the work, photos and all, outlives a reload with no signal
        await page.reload();
        await offline.waitForWaiting(3, 2);
        const nothingYet = await recorded(kampung.id);
        assert.deepEqual(nothingYet, { visits: [], reports: [] }, 'nothing reached the server while offline');

        // When the signal returns, everything is sent, and the server has each once
        await page.context().setOffline(false);
        await offline.waitUntilAllSent();
        assert.equal(await offline.refused().count(), 0, 'nothing refused');
        await eventually(async () => {
          const { visits, reports } = await recorded(kampung.id);
          assert.deepEqual(visits.sort(), ['Kunjungan pagi tanpa sinyal', 'Kunjungan sore tanpa sinyal']);
          assert.deepEqual(reports, [kampung.period]);
        });
        // Each visit with its own photo, made small on the phone; the morning one where the phone was
        const evidence = await visitEvidence(kampung.id);
        const [am, pm] = [evidence.get('Kunjungan pagi tanpa sinyal'), evidence.get('Kunjungan sore tanpa sinyal')];
        assert.equal(am?.photoIds.length, 1, JSON.stringify(am));
        assert.equal(pm?.photoIds.length, 1, JSON.stringify(pm));
        assert.notEqual(am.photoIds[0], pm.photoIds[0]);
        assert.deepEqual([am.located, pm.located], [true, false]);
        await assertSmallJpegs(page, kampung.id, [...am.photoIds, ...pm.photoIds]);

        // And the kampung's page shows it: each visit's photo on the timeline (opening full size), the
        // morning one with "lokasi tercatat", and the evidence beside the visit obligations it fulfilled
        await page.goto(`/cases/${kampung.id}`);
        const casePage = new CasePage(page);
        await casePage.showFullTimeline();
        const morningEntry = casePage.event('VISIT', 'Kunjungan pagi tanpa sinyal');
        await morningEntry.getByText('lokasi tercatat', { exact: true }).waitFor();
        assert.equal(await casePage.event('VISIT', 'Kunjungan sore tanpa sinyal').getByText('lokasi tercatat', { exact: true }).count(), 0);
        await morningEntry.getByRole('button', { name: 'Buka foto 1 ukuran penuh', exact: true }).click();
        const fullSize = page.getByRole('dialog').getByRole('img', { name: 'Foto 1', exact: true });
        await fullSize.waitFor();
        // Shown: its bytes came and were drawn (an image that failed to load has no natural width).
        await page.waitForFunction("[...document.querySelectorAll('dialog[open] img')].some((img) => img.complete && img.naturalWidth > 0)");
        await page.getByRole('dialog').getByRole('button', { name: 'Tutup', exact: true }).click();
        await page.getByText(/^Kewajiban selesai \(\d+\)$/).click();
        await page.getByTestId('visit-evidence').filter({ hasText: /1 foto/ }).first().waitFor();
      });
    } finally {
      await browser.close();
    }
  },
);

test(
  'when half of the sends fail on the way, some after the server did them, then retries with the same key record each visit, photo and report exactly once',
  { skip: SKIP_WITHOUT_APP, timeout: 240_000 },
  async () => {
    const first = await kampungInImplementation('B');
    const second = await kampungInImplementation('C');
    const seed = Number(process.env.E2E_SEED ?? Date.now() % 100_000);
    const random = mulberry32(seed); // the same seed fails the same requests
    const fate = { before: 0, afterServer: 0, through: 0 };
    const keysSeen = new Map<string, number>();
    const browser = await launchChromium();
    try {
      const page = await mentorsPhone(browser);
      const offline = new FieldWorkOffline(page);
      const worklist = new WorklistPage(page);
      // Given a link that loses half of the field work's sends (photos too): a quarter before the
      // server sees them, a quarter after it has done them (the answer is lost), the first of all that way
      await page.route(
        (url) => /^\/api\/cases\/[^/]+\/(visits|monitoring-reports|photos\/[^/]+)$/.test(url.pathname),
        async (route: Route) => {
          if (!['POST', 'PUT'].includes(route.request().method())) return route.fallback();
          const key = (await route.request().headerValue('idempotency-key')) ?? '';
          keysSeen.set(key, (keysSeen.get(key) ?? 0) + 1);
          // A quarter lost before, a quarter after the server; the other half goes through (until this
          // file had photos, three quarters were lost, and five writes outlasted the wait).
          const draw = fate.before + fate.afterServer + fate.through === 0 ? 0.375 : random();
          if (draw < 0.25) {
            fate.before++;
            return route.abort('connectionreset');
          }
          if (draw >= 0.5) return route.continue().then(() => void fate.through++);
          await route.fetch();
          fate.afterServer++;
          return route.abort('connectionreset');
        },
      );
      await screenshotOnFailure(page, 'offline-field-work-flaky', async () => {
        await offline.waitForServiceWorker();
        await worklist.openFromHeader();

        // When the mentor logs a visit with a photo in each of two kampung and sends a monitoring report
        await offline.logVisit(first.name, `Kunjungan ${first.name}`, undefined, { photos: [await cameraPhoto(page, seed)] });
        await offline.logVisit(second.name, `Kunjungan ${second.name}`, undefined, { photos: [await cameraPhoto(page, seed + 1)] });
        await page.goto(`/cases/${first.id}`);
        const monitoring = await fillReport(page, first.period);
        await offline.submitReport(monitoring.form());

        // Then, once everything has been answered, the server has each exactly once
        await offline.waitUntilAllSent(120_000);
        await eventually(async () => {
          assert.deepEqual(await recorded(first.id), { visits: [`Kunjungan ${first.name}`], reports: [first.period] });
          assert.deepEqual(await recorded(second.id), { visits: [`Kunjungan ${second.name}`], reports: [] });
        });
        // Each visit with its photo: none lost, none twice
        for (const kampung of [first, second]) {
          const visit = (await visitEvidence(kampung.id)).get(`Kunjungan ${kampung.name}`);
          assert.equal(visit?.photoIds.length, 1, `the visit in ${kampung.name} has its photo (seed ${seed}): ${JSON.stringify(visit)}`);
          await assertSmallJpegs(page, kampung.id, visit.photoIds);
        }
        assert.equal(keysSeen.size, 5, `one key per record and per photo (seed ${seed}): ${JSON.stringify([...keysSeen])}`);
        assert.ok(fate.afterServer >= 1, `an answer was lost after the server had done the work (seed ${seed})`);
        assert.ok([...keysSeen.values()].some((sends) => sends > 1), `a record was sent again with its key (seed ${seed})`);
      });
    } finally {
      await browser.close();
    }
  },
);

test(
  'when a kampung is put on hold while its visit waits on the phone, then that visit is shown refused with what to do, and the next one is sent all the same',
  { skip: SKIP_WITHOUT_APP, timeout: 240_000 },
  async () => {
    const held = await kampungInImplementation('D');
    const open = await kampungInImplementation('E');
    const browser = await launchChromium();
    try {
      const page = await mentorsPhone(browser);
      const offline = new FieldWorkOffline(page);
      const worklist = new WorklistPage(page);
      await screenshotOnFailure(page, 'offline-field-work-conflict', async () => {
        await offline.waitForServiceWorker();
        // The worklist keeps the team of each of its kampung on the device (for the visit form)
        await worklist.openFromHeader();
        await worklist.card(open.name).first().waitFor();
        for (const k of [held, open]) await offline.waitUntilKept(`/api/cases/${k.id}/assignments`);

        // Given a visit in each kampung kept on the phone, the first one first
        await page.context().setOffline(true);
        assert.equal(await offline.logVisit(held.name, 'Kunjungan sebelum ditangguhkan', hoursAgoInJakarta(2)), 'device');
        assert.equal(await offline.logVisit(open.name, 'Kunjungan ke kampung yang berjalan', hoursAgoInJakarta(1)), 'device');
        await offline.waitForWaiting(2);

        // When the first kampung is put on hold meanwhile, and the signal returns
        const onHold = await seed('POST', `/api/cases/${held.id}/transitions`, { to: 'ON_HOLD', reason: 'Menunggu kepastian lahan', data: {} });
        assert.equal(onHold.status, 200, JSON.stringify(onHold.body));
        await page.context().setOffline(false);

        // Then its visit is shown refused, in Indonesian, with what to do; the other is sent
        const refused = offline.refused();
        await refused.waitFor();
        assert.match(await refused.innerText(), /tidak diterima[\s\S]*Kasus ini sedang ditangguhkan[\s\S]*catat lagi dari halaman kasus/);
        await offline.waitUntilAllSent();
        await eventually(async () => {
          assert.deepEqual((await recorded(open.id)).visits, ['Kunjungan ke kampung yang berjalan']);
          assert.deepEqual((await recorded(held.id)).visits, []);
        });

        // And once read, it can be dismissed, and stays gone after a reload
        await refused.getByRole('button', { name: 'Tutup', exact: true }).click();
        await refused.waitFor({ state: 'detached' });
        await page.reload();
        await worklist.card(open.name).first().or(page.getByRole('heading', { level: 1, name: 'Daftar kerja saya' })).first().waitFor();
        assert.equal(await offline.refused().count(), 0);
      });
    } finally {
      await browser.close();
    }
  },
);

test(
  'on a phone with a signal, a monitoring report sent from the bottom of its form is confirmed on the screen and announced (issue 14, defect 1)',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    const kampung = await kampungInImplementation('D');
    const browser = await launchChromium();
    try {
      const page = await mentorsPhone(browser);
      await screenshotOnFailure(page, 'report-confirmation', async () => {
        // Given the mentor on the kampung's page, the report filled in down to its send button
        await page.goto(`/cases/${kampung.id}`);
        const monitoring = await fillReport(page, kampung.period);
        // When they send it
        await monitoring.form().getByRole('button', { name: 'Kirim laporan', exact: true }).click();
        // Then the confirmation is a polite live region wholly on the phone's screen
        const confirmation = page.getByTestId('report-saved');
        await confirmation.waitFor();
        assert.match(await confirmation.innerText(), /^Laporan periode .* tersimpan/);
        assert.equal(await confirmation.getAttribute('aria-live'), 'polite');
        await eventually(async () => {
          const box = await confirmation.boundingBox();
          assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `the confirmation lies at ${box?.y} to ${box ? box.y + box.height : '?'}, the screen 0–844`);
        }, 5_000);
        assert.deepEqual((await recorded(kampung.id)).reports, [kampung.period], 'the report reached the server once');
      });
    } finally {
      await browser.close();
    }
  },
);
