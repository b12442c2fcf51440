import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PolicyPage } from './pages/PolicyPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  launchChromium,
  screenshotOnFailure,
  signedInPage,
  SKIP_WITHOUT_APP,
  AUDITOR_EMAIL,
  AUDITOR_PASSWORD,
} from './support/e2e';

const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const PROGRAM_LABEL = 'Kampung Sejahtera Mandiri (Kota Tangerang)';
const POLICY_URL = `/api/programs/${PROGRAM}/policy`;
const NOTE = 'Uji e2e: kunjungan pendamping tiap minggu';

interface PolicyVersion {
  version: number;
  changeNote: string;
  policy: { visitCadence: Record<string, string> } & Record<string, unknown>;
}

test(
  'an admin changes the mentor visit cadence on a phone, as a number and a unit ("3 minggu", sent as P3W; an amount that is no whole number is stopped, a colleague\'s change first is a conflict to reload), and a viewer reads the new version without edit controls',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    assert.ok(AUDITOR_EMAIL && AUDITOR_PASSWORD, 'E2E_AUDITOR_EMAIL and E2E_AUDITOR_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const original = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
    const mentorBefore = original.policy.visitCadence.MENTOR;
    assert.ok(mentorBefore && mentorBefore !== 'P3W', `the mentor cadence starts other than P3W (${mentorBefore})`);
    const beforeDays = /^P(\d+)D$/.exec(mentorBefore)?.[1];
    assert.ok(beforeDays, `the mentor cadence starts as days (${mentorBefore})`);
    const before = original.version;
    const colleagues = before + 1;
    const after = before + 2;

    const browser = await launchChromium();
    let restored: { status: number; body: unknown } | undefined;
    try {
      // Given the admin on a phone, on the policy page of Kampung Sejahtera Mandiri
      const phone = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD, { phone: true });
      const sent: string[] = [];
      phone.on('request', (r) => {
        if (r.method() === 'PUT' && new URL(r.url()).pathname === POLICY_URL) sent.push(r.postData() ?? '');
      });
      await screenshotOnFailure(phone, 'program-policy', async () => {
        const policies = new PolicyPage(phone);
        await policies.openFromHeader();
        await policies.chooseProgram(PROGRAM_LABEL);

        // Then it shows the current version, how a change applies, and the values with durations in words
        await policies.version().filter({ hasText: new RegExp(`^Versi ${before}$`) }).waitFor();
        await policies.appliesTo().filter({ hasText: 'mulai kewajiban berikutnya' }).waitFor();
        await policies.value('visitCadence.MENTOR').filter({ hasText: mentorBefore }).waitFor();
        await policies.value('visitCadence.MENTOR').filter({ hasText: 'Pendamping' }).waitFor();

        // And the mentor cadence is a number and a unit: the days it has now
        await policies.edit();
        const mentor = policies.field('Pendamping');
        const mentorUnit = policies.field('Satuan Pendamping');
        assert.equal(await mentor.inputValue(), beforeDays);
        assert.equal(await mentorUnit.inputValue(), 'days');

        // When they enter an amount that is no whole number of weeks
        await mentorUnit.selectOption({ label: 'minggu' });
        await mentor.fill('0');
        await policies.field('Catatan perubahan').fill(NOTE);

        // Then the field asks for a positive whole number, and saving is stopped before the API
        const mentorMessages = policies.fieldMessages('Pendamping');
        await mentorMessages.locator('.field__error').filter({ hasText: 'Isi jumlah berupa bilangan bulat positif, mis. 2 minggu.' }).waitFor();
        await policies.saveRefused();
        assert.deepEqual(sent, [], 'nothing was sent');

        // When a colleague saves a version first, and the admin then saves 3 weeks
        const colleague = await api.call<PolicyVersion>('PUT', POLICY_URL, {
          baseVersion: before,
          changeNote: 'Uji e2e: perubahan rekan',
          policy: original.policy,
        });
        assert.equal(colleague.status, 200, JSON.stringify(colleague.body));
        assert.equal(colleague.body.version, colleagues);
        await mentor.fill('3');
        await mentorMessages.filter({ hasText: 'Artinya: 3 minggu.' }).waitFor();
        assert.equal(await mentorMessages.locator('.field__error').count(), 0, 'the error is gone once the duration is valid');
        const refused = await policies.save();

        // Then the change is refused as made from an old version, with a way to load the newest
        assert.equal(refused.status(), 409, await refused.text());
        assert.equal(JSON.parse(sent[0] ?? '{}').baseVersion, before, 'the change is sent from the version shown');
        assert.equal(JSON.parse(sent[0] ?? '{}').policy.visitCadence.MENTOR, 'P3W', '"3 minggu" is sent as the ISO duration');
        await policies.conflict().filter({ hasText: 'Kebijakan sudah diubah orang lain; muat ulang.' }).waitFor();
        await policies.conflict().getByRole('button', { name: 'Muat ulang', exact: true }).click();
        await policies.form().getByRole('heading', { name: `Ubah kebijakan (dari versi ${colleagues})` }).waitFor();
        assert.equal(await mentor.inputValue(), beforeDays, 'the form shows the newest version');
        assert.equal(await mentorUnit.inputValue(), 'days');

        // When they make the change again and save it
        await mentor.fill('3');
        await mentorUnit.selectOption({ label: 'minggu' });
        assert.equal(await policies.field('Catatan perubahan').inputValue(), NOTE, 'the note is kept');
        const saved = await policies.save();
        assert.equal(saved.status(), 200, await saved.text());
        assert.equal(JSON.parse(sent[1] ?? '{}').baseVersion, colleagues);

        // Then the page shows the new version, how it applies to running cases, and the new cadence in words
        await policies.saved().filter({ hasText: `versi ${after}` }).waitFor();
        await policies.version().filter({ hasText: new RegExp(`^Versi ${after}$`) }).waitFor();
        await policies.current().getByTestId('policy-change-note').filter({ hasText: NOTE }).waitFor();
        await policies.appliesTo().filter({ hasText: 'Kasus yang sedang berjalan mengikuti versi ini mulai kewajiban berikutnya' }).waitFor();
        await policies.value('visitCadence.MENTOR').filter({ hasText: 'P3W — 3 minggu' }).waitFor();

        // And the history lists the new version and the previous ones; the previous one still has the old cadence
        await policies.historyItem(after).filter({ hasText: NOTE }).waitFor();
        await policies.historyItem(colleagues).filter({ hasText: 'Uji e2e: perubahan rekan' }).waitFor();
        await policies.historyItem(before).waitFor();
        const previous = await policies.showVersion(colleagues);
        await previous.locator('[data-field="visitCadence.MENTOR"]').filter({ hasText: mentorBefore }).waitFor();
        await assertNoHorizontalScroll(phone);
      });

      // When a viewer opens the policy page
      const viewer = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD, { phone: true });
      await screenshotOnFailure(viewer, 'program-policy', async () => {
        const policies = new PolicyPage(viewer);
        await policies.openFromHeader();
        await policies.chooseProgram(PROGRAM_LABEL);

        // Then they read the current version and its values, without any way to change them
        await policies.version().filter({ hasText: new RegExp(`^Versi ${after}$`) }).waitFor();
        await policies.value('visitCadence.MENTOR').filter({ hasText: 'P3W — 3 minggu' }).waitFor();
        await policies.current().filter({ hasText: 'hanya admin yang dapat mengubahnya' }).waitFor();
        await policies.historyItem(after).waitFor();
        assert.equal(await policies.editButton().count(), 0, 'no edit button for a viewer');
        assert.equal(await policies.form().count(), 0, 'no edit form for a viewer');
        await assertNoHorizontalScroll(viewer);
      });
    } finally {
      await browser.close();
      // Other test files share the database and expect the default policy: put it back.
      const latest = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
      if (latest.version !== original.version) {
        restored = await api.call('PUT', POLICY_URL, {
          baseVersion: latest.version,
          changeNote: 'Uji e2e: kembalikan kebijakan',
          policy: original.policy,
        });
      }
    }
    assert.equal(restored?.status, 200, `the policy is restored: ${JSON.stringify(restored?.body)}`);
    assert.deepEqual((await api.call<PolicyVersion>('GET', POLICY_URL)).body.policy, original.policy);
  },
);
