import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { createDb, type Db } from '@kampung/db';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@kampung/tools/mail/catcher';
import { dropDatabase, ensureDatabase, freePort, withDatabase } from '@kampung/tools/stack/postgres';
import { prepareDatabase } from '@kampung/tools/migrate/prepare-database';
import { env } from './support/env';
import { runUntilExit } from './support/api-process';
import { exited, startWorkerProcess } from './support/worker-process';

/**
 * Mail that arrives (issue 13): the outbox is sent over SMTP by the worker's mail workflow, once
 * per row, through an outage, and given up (DEAD, with its last error) after its attempts. This
 * file runs its own worker, on its own database and Temporal namespace, against an SMTP catcher
 * it can stop and start; the stack's own delivery is followed in the e2e invitation test.
 */
const SUFFIX = randomBytes(3).toString('hex');
const DATABASE = `kampung_mail_${SUFFIX}`;
const NAMESPACE = `mail-${SUFFIX}`;
const PERSON = { email: `penerima-${SUFFIX}@kampung.test`, name: 'Penerima Surel', role: 'OFFICER', password: 'penerima-surel-2026' };
const BOUNCING = { email: `tidak-ada-${SUFFIX}@kampung.test`, name: 'Alamat Salah', role: 'OFFICER', password: 'alamat-salah-2026' };
const MAX_ATTEMPTS = 4;

let catcher: MailCatcher;
let db: Db;
let databaseUrl: string;
let worker: ChildProcess | undefined;
let workerEnv: Record<string, string>;

async function eventually<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function queueMail(email: string, tag: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('outbox')
    .values({ dedupe_key: `test:${tag}:${SUFFIX}`, recipient_id: user.id, template: 'PASSWORD_RESET', payload: JSON.stringify({ invitationId: tag, link: `http://kampung.test/invitation#${tag}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

const outboxRow = (id: string) => db.selectFrom('outbox').select(['status', 'attempts', 'last_error', 'sent_at', 'dead_at']).where('id', '=', id).executeTakeFirstOrThrow();
const mailOf = (id: string): CaughtMail[] => catcher.messages().filter((m) => m.messageId === `<outbox-${id}@kampung.test>`);

before(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, webPort: 0, refuseRecipient: (address) => (address === BOUNCING.email ? 'mailbox unavailable' : null) });
  await ensureDatabase(env.databaseUrl, DATABASE);
  databaseUrl = withDatabase(env.databaseUrl, DATABASE);
  await prepareDatabase(databaseUrl, [PERSON, BOUNCING].map((u) => ({ ...u, role: u.role as 'OFFICER' })));
  db = createDb(databaseUrl, { max: 2 });
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    await connection.workflowService.registerNamespace({ namespace: NAMESPACE, workflowExecutionRetentionPeriod: { seconds: 86_400 as never } }); // a Long in the proto types; a number is taken
  } finally {
    await connection.close();
  }
  workerEnv = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: `mail-test-${SUFFIX}`,
    SMTP_URL: catcher.smtpUrl,
    MAIL_FROM: 'Kampung <no-reply@kampung.test>',
    MAIL_EVERY: 'PT1S',
    MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  };
  // A namespace just registered can take a moment to be served.
  worker = await eventually('the worker on a fresh namespace', () => startWorkerProcess(workerEnv).catch(() => undefined), 60_000);
});

after(async () => {
  if (worker) {
    worker.kill('SIGTERM');
    await exited(worker);
  }
  await db?.destroy();
  await catcher?.stop();
  await dropDatabase(env.databaseUrl, DATABASE).catch(() => undefined);
});

describe('mail delivery', () => {
  test('when a mail is in the outbox, then it arrives once at the SMTP server, from MAIL_FROM, with the Message-ID of its row, and the row is SENT', async () => {
    const id = await queueMail(PERSON.email, 'once');
    const [mail] = await eventually('the mail', async () => (mailOf(id).length ? mailOf(id) : undefined));
    assert.deepEqual(mail!.to, [PERSON.email]);
    assert.match(mail!.from, /no-reply@kampung\.test/);
    assert.match(mail!.text, /http:\/\/kampung\.test\/invitation#once/);
    assert.match(mail!.text, /Halo Penerima Surel[\s\S]*Hello Penerima Surel/, 'Indonesian first, then English');
    const row = await eventually('SENT', async () => ((await outboxRow(id)).status === 'SENT' ? outboxRow(id) : undefined));
    assert.equal(row.attempts, 1);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a few more passes
    assert.equal(mailOf(id).length, 1, 'sent once');
  });

  test('when the SMTP server is down, then the mail is retried and, once it is back, arrives exactly once; the worker stays up', async () => {
    await catcher.stopSmtp();
    const id = await queueMail(PERSON.email, 'outage');
    await eventually('a failed attempt', async () => ((await outboxRow(id)).attempts >= 1 ? true : undefined));
    assert.equal((await outboxRow(id)).status, 'PENDING');
    assert.ok(worker!.exitCode === null && worker!.signalCode === null, 'the worker is still running');
    await catcher.resumeSmtp();
    await eventually('the mail after the outage', async () => (mailOf(id).length ? true : undefined));
    const row = await eventually('SENT', async () => ((await outboxRow(id)).status === 'SENT' ? outboxRow(id) : undefined));
    assert.ok(row.attempts >= 2 && row.attempts < MAX_ATTEMPTS, `attempts ${row.attempts}`);
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i, 'the failed attempt is remembered');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(mailOf(id).length, 1, 'exactly once');
  });

  test(`when the SMTP server refuses a mail ${MAX_ATTEMPTS} times, then its row is DEAD with the last error, and it is not sent again`, async () => {
    const id = await queueMail(BOUNCING.email, 'bounce');
    const row = await eventually('DEAD', async () => ((await outboxRow(id)).status === 'DEAD' ? outboxRow(id) : undefined), 60_000);
    assert.equal(row.attempts, MAX_ATTEMPTS);
    assert.match(row.last_error ?? '', /550|mailbox unavailable/);
    assert.ok(row.dead_at);
    assert.equal(row.sent_at, null);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal((await outboxRow(id)).attempts, MAX_ATTEMPTS, 'no attempt after it is dead');
    assert.equal(mailOf(id).length, 0);
  });
});

describe('SMTP at start', () => {
  test('when the SMTP server cannot be reached, then the worker stops with one message naming it (SMTP_URL), no stack trace, a non-zero exit', async () => {
    const run = await runUntilExit('worker', { ...workerEnv, SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    assert.notEqual(run.code, 0, run.output);
    assert.notEqual(run.code, null, run.output);
    assert.doesNotMatch(run.output, /(^|\\n|\n)\s+at \S/, 'no stack trace');
    assert.equal(run.output.split('\n').filter((line) => line.includes('SMTP_URL')).length, 1, run.output);
  });

  test('when SMTP_URL is not set, then the worker stops with one message naming it', async () => {
    const run = await runUntilExit('worker', { ...workerEnv, SMTP_URL: '' });
    assert.equal(run.code, 2, run.output);
    assert.equal(run.output.split('\n').filter((line) => line.includes('SMTP_URL')).length, 1, run.output);
  });
});
