import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb } from '@kampung/db';
import { escalationDigestWorkflow } from '@kampung/workflows/workflows';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount, type TestAccount } from './support/accounts';
import { aimSchedulesAtStackWorker, eventually, withTemporal } from './support/temporal';
import { mailsTo, waitForMail } from '../e2e/support/mailbox';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';

const runDigest = () =>
  withTemporal((client) => client.workflow.execute(escalationDigestWorkflow, { taskQueue: env.taskQueue, workflowId: `digest-test-${Date.now()}` }));

describe('escalations reach the supervisor by mail, as a daily digest', () => {
  let admin: ApiClient;
  let mentor: TestAccount;
  let supervisor: TestAccount;
  before(async () => {
    // The digest's mail leaves through the stack's mail passes, wherever earlier files aimed them.
    await withTemporal(aimSchedulesAtStackWorker);
    admin = await ApiClient.signedIn(env.admin());
    mentor = await newAccount('MENTOR');
    supervisor = await newAccount('OFFICER', { name: 'Supervisor Ringkasan' });
    assert.equal((await admin.request('PUT', `/api/users/${mentor.id}/supervisor`, { supervisorId: supervisor.id })).status, 200);
    // A second-scale policy (as in visit-obligations): a missed visit is escalated within seconds.
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: kadens detik',
      policy: { ...current.policy, visitCadence: { MENTOR: 'PT4S' }, reminderLead: 'PT1S', visitGrace: 'PT2S', escalationDelay: 'PT2S' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  test('when a mentor misses visits, then the supervisor finds them in the inbox at once, and the next digest mails them one mail listing the kampung; a second digest that day sends nothing more', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '7' });
    assert.equal((await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' })).status, 201);
    await eventually(async () => {
      const inbox = (await supervisor.api.get('/api/me/inbox')).body as any[];
      assert.ok(inbox.some((i) => i.kind === 'ESCALATION' && i.case.id === kampung.id), 'the escalation is in the supervisor inbox');
    }, { timeoutMs: 40_000 });
    assert.equal((await mailsTo(supervisor.email)).length, 0, 'no mail per escalation');

    const { digests } = await runDigest();
    assert.ok(digests >= 1, `digests written: ${digests}`);
    const mail = await waitForMail(supervisor.email);
    assert.match(mail.subject, /Ringkasan eskalasi/);
    assert.match(mail.text, new RegExp(`${kampung.name}: Kunjungan`), mail.text);
    assert.match(mail.text, /Hello Supervisor Ringkasan[\s\S]*Visit/, 'English below');

    const db = createDb(env.databaseUrl, { max: 1 });
    try {
      const rows = await db.selectFrom('outbox').select(['template', 'status']).where('recipient_id', '=', supervisor.id).execute();
      assert.ok(rows.filter((r) => r.template === 'OBLIGATION_ESCALATED').every((r) => r.status === 'DIGESTED' || r.status === 'PENDING'), JSON.stringify(rows));
      assert.equal(rows.filter((r) => r.template === 'ESCALATION_DIGEST').length, 1, 'one digest row for the day');
    } finally {
      await db.destroy();
    }
    await runDigest();
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // two more mail passes
    assert.equal((await mailsTo(supervisor.email)).length, 1, 'one digest mail a day');
  });
});
