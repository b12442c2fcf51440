import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idempotencyKeySchema } from '@kampung/domain/idempotency';
import { http } from './http';
import { createWriteKeys, newIdempotencyKey, UNKNOWN_OUTCOME_KEPT_MS, writeFingerprint } from './idempotency-keys';

class Lost extends Error {}
class Refused extends Error {}

/** A store with a counting key maker and a clock the test moves; `send` records the keys sent. */
function setup() {
  let clock = 0;
  let made = 0;
  const keys = createWriteKeys({ isUnknownOutcome: (e) => e instanceof Lost, now: () => clock, newKey: () => `key-${++made}` });
  const sent: string[] = [];
  const send = (outcome: 'ok' | 'lost' | 'refused') => (key: string) => {
    sent.push(key);
    return outcome === 'ok' ? Promise.resolve(key) : Promise.reject(outcome === 'lost' ? new Lost() : new Refused());
  };
  return { keys, sent, send, later: (ms: number) => (clock += ms) };
}
const proposal = writeFingerprint('POST', '/api/cases', { json: { name: 'Kampung Pelangi', rw: '3' } });

describe('one Idempotency-Key per user action', () => {
  test('when the same request is answered and then sent again, then each gets its own key (two actions)', async () => {
    const { keys, sent, send } = setup();
    await keys.run(proposal, send('ok'));
    await keys.run(proposal, send('ok'));
    assert.deepEqual(sent, ['key-1', 'key-2']);
  });

  test('when the outcome is unknown, then a retry of the same request carries the same key until an answer comes', async () => {
    const { keys, sent, send } = setup();
    await assert.rejects(keys.run(proposal, send('lost')), Lost);
    await assert.rejects(keys.run(proposal, send('lost')), Lost);
    await keys.run(proposal, send('ok'));
    await keys.run(proposal, send('ok'));
    assert.deepEqual(sent, ['key-1', 'key-1', 'key-1', 'key-2'], 'retried with the first key, then a new action');
  });

  test('when a request is refused, then pressing again is a new attempt with a new key', async () => {
    const { keys, sent, send } = setup();
    await assert.rejects(keys.run(proposal, send('lost')), Lost);
    await assert.rejects(keys.run(proposal, send('refused')), Refused);
    await keys.run(proposal, send('ok'));
    assert.deepEqual(sent, ['key-1', 'key-1', 'key-2']);
  });

  test('when the form changed after a lost answer, then the changed request is a new action with a new key', async () => {
    const { keys, sent, send } = setup();
    await assert.rejects(keys.run(proposal, send('lost')), Lost);
    const changed = writeFingerprint('POST', '/api/cases', { json: { name: 'Kampung Pelangi', rw: '4' } });
    await keys.run(changed, send('ok'));
    await keys.run(proposal, send('ok'));
    assert.deepEqual(sent, ['key-1', 'key-2', 'key-1'], 'the unchanged form still gets its first key');
  });

  test('when an unknown outcome is older than the hour, then the request is a new action', async () => {
    const { keys, sent, send, later } = setup();
    await assert.rejects(keys.run(proposal, send('lost')), Lost);
    later(UNKNOWN_OUTCOME_KEPT_MS + 1);
    await keys.run(proposal, send('ok'));
    assert.deepEqual(sent, ['key-1', 'key-2']);
  });

  test('when the same request is sent again while in flight (a double click), then it goes out once and both get its answer', async () => {
    const { keys, sent } = setup();
    let answer!: (value: string) => void;
    const send = (key: string) => {
      sent.push(key);
      return new Promise<string>((resolve) => (answer = resolve));
    };
    const first = keys.run(proposal, send);
    const second = keys.run(proposal, send);
    answer('done');
    assert.deepEqual(await Promise.all([first, second]), ['done', 'done']);
    assert.deepEqual(sent, ['key-1']);
  });

  test('the same JSON is the same request; another path, method or body is not; a file stands for itself', () => {
    assert.equal(writeFingerprint('POST', '/api/cases', { json: { name: 'Kampung Pelangi', rw: '3' } }), proposal);
    assert.notEqual(writeFingerprint('POST', '/api/worklists', { json: { name: 'Kampung Pelangi', rw: '3' } }), proposal);
    assert.notEqual(writeFingerprint('PUT', '/api/cases', { json: { name: 'Kampung Pelangi', rw: '3' } }), proposal);
    const file = (text: string) => new File([text], 'dtks.csv', { type: 'text/csv', lastModified: 1 });
    assert.equal(writeFingerprint('POST', '/api/household-imports', { file: file('a;b') }), writeFingerprint('POST', '/api/household-imports', { file: file('a;b') }));
    assert.notEqual(writeFingerprint('POST', '/api/household-imports', { file: file('a;b') }), writeFingerprint('POST', '/api/household-imports', { file: file('a;b;c') }));
  });

  test('a key is a UUID where the browser offers one, else 32 random hex digits (plain http); both are keys the API accepts', () => {
    const uuid = newIdempotencyKey({ randomUUID: () => '5f0c6b1e-8a52-4c1e-9d2e-0b7f3f1c2a44', getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    assert.equal(uuid, '5f0c6b1e-8a52-4c1e-9d2e-0b7f3f1c2a44');
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    const fallback = newIdempotencyKey(insecure);
    assert.match(fallback, /^[0-9a-f]{32}$/);
    assert.notEqual(newIdempotencyKey(insecure), fallback, 'random');
    for (const key of [uuid, fallback, newIdempotencyKey()]) assert.ok(idempotencyKeySchema.safeParse(key).success, key);
  });
});

describe('http(): every write carries the key of its action', () => {
  /** Answers each request with the next outcome and records the Idempotency-Key it carried. */
  function fakeApi(outcomes: ('network' | number)[]) {
    const carried: (string | null)[] = [];
    const fetch = async (_path: string, init: RequestInit) => {
      carried.push(new Headers(init.headers).get('Idempotency-Key'));
      const outcome = outcomes.shift() ?? 200;
      if (outcome === 'network') throw new TypeError('Failed to fetch');
      const problem = outcome === 409 ? { code: 'REQUEST_IN_PROGRESS', status: 409, title: 'x', type: 'x', detail: 'x' } : { ok: true };
      return new Response(JSON.stringify(problem), { status: outcome, headers: { 'content-type': 'application/json' } });
    };
    Object.assign(globalThis, { fetch, document: { cookie: 'kampung_csrf=t' } });
    return carried;
  }
  const body = { to: 'SURVEY', data: { surveyDate: '2026-11-24' } };

  test('when a move is lost on the network, then the retry carries the same key; after its answer the next move gets a new one; reads carry none', async () => {
    const carried = fakeApi(['network', 409, 200, 200, 200]);
    const move = () => http('/api/cases/c1/transitions', { method: 'POST', body });
    await assert.rejects(move());
    await assert.rejects(move(), { code: 'REQUEST_IN_PROGRESS' });
    await move();
    await move();
    await http('/api/cases/c1');
    assert.equal(carried.length, 5);
    assert.ok(carried[0] && carried[0] === carried[1] && carried[1] === carried[2], 'one key for the action and its retries');
    assert.ok(carried[3] && carried[3] !== carried[0], 'a new action, a new key');
    assert.equal(carried[4], null, 'no key on a read');
  });
});
