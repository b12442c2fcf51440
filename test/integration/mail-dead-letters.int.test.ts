import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';

describe('dead letters, for admins', () => {
  test('when the worker gave up on a mail, then admins see it with its last error at GET /api/mail/dead-letters, and others may not', async () => {
    const admin = await ApiClient.signedIn(env.admin());
    const person = await newAccount('OFFICER', { name: 'Alamat Ditolak' });
    const db = createDb(env.databaseUrl, { max: 1 });
    let id: string;
    try {
      // As the worker leaves it after its last attempt (mail-delivery.int.test.ts drives the worker to it).
      const row = await db
        .insertInto('outbox')
        .values({ dedupe_key: `dead-test:${person.id}`, recipient_id: person.id, template: 'USER_INVITED', payload: JSON.stringify({}), status: 'DEAD', attempts: 10, last_error: '550 mailbox unavailable', dead_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = String(row.id);
    } finally {
      await db.destroy();
    }
    const res = await admin.get('/api/mail/dead-letters');
    assert.equal(res.status, 200);
    const item = (res.body.items as any[]).find((i) => i.id === id);
    assert.ok(item, 'listed');
    assert.deepEqual([item.template, item.recipient.email, item.attempts, item.lastError], ['USER_INVITED', person.email, 10, '550 mailbox unavailable']);
    assert.equal((await person.api.get('/api/mail/dead-letters')).status, 403);
  });
});
