import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withoutRefusedPhoto } from './queued-requests';
import { createWriteQueue, defaultBackoffMs, type QueuedWrite, type QueueStore, type SendOutcome, type WriteQueueDeps } from './write-queue';

function memoryStore(initial: QueuedWrite[] = []): QueueStore & { rows: Map<string, QueuedWrite> } {
  const rows = new Map(initial.map((w) => [w.key, w]));
  return {
    rows,
    all: async () => [...rows.values()],
    put: async (w) => void rows.set(w.key, w),
    remove: async (key) => void rows.delete(key),
  };
}

let seq = 0;
function write(key: string, userId = 'mentor-1'): QueuedWrite {
  return { key, seq: ++seq, userId, kind: 'visit', caseId: 'case-1', method: 'POST', path: '/api/cases/case-1/visits', body: { notes: key }, recordedAt: '2026-12-03T00:20:00.000Z', attempts: 0 };
}

/** A queue whose server answers from a script per key (default: sent), with timers the test fires. */
function setup(options: { stored?: QueuedWrite[]; user?: string; withoutRefused?: WriteQueueDeps['withoutRefused'] } = {}) {
  const store = memoryStore(options.stored);
  const sends: string[] = [];
  const sentWrites: QueuedWrite[] = [];
  const answers = new Map<string, SendOutcome[]>();
  const timers: { run: () => void; ms: number }[] = [];
  const sentRounds: string[][] = [];
  const queue = createWriteQueue({
    store,
    currentUser: () => options.user ?? 'mentor-1',
    send: async (w) => {
      sends.push(w.key);
      sentWrites.push(w);
      return answers.get(w.key)?.shift() ?? { sent: true };
    },
    onSent: (sent) => sentRounds.push(sent.map((w) => w.key)),
    withoutRefused: options.withoutRefused,
    backoffMs: (attempts) => attempts * 1000,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => timers.splice(0),
  });
  const answer = (key: string, ...outcomes: SendOutcome[]) => answers.set(key, outcomes);
  return { store, queue, sends, sentWrites, answer, timers, sentRounds };
}

const lost: SendOutcome = { retry: true };
const onHold: SendOutcome = { refused: { status: 409, code: 'CASE_ON_HOLD', detail: 'The case is on hold' } };

describe('the queue of field work on the device', () => {
  test('when writes were kept on the device, then at start they are sent in the order recorded and removed', async () => {
    const { queue, sends, store, sentRounds } = setup({ stored: [write('b'), write('c'), write('a')].reverse() });
    await queue.start();
    assert.deepEqual(sends, ['b', 'c', 'a']);
    assert.equal(store.rows.size, 0);
    assert.deepEqual(queue.snapshot(), []);
    assert.equal(sentRounds.length, 1);
  });

  test('when the network fails, then the round stops (nothing overtakes), the write keeps its key and is tried again after a pause that grows', async () => {
    const { queue, sends, answer, timers, store } = setup({ stored: [write('first'), write('second')] });
    answer('first', lost, lost);
    await queue.start();
    await queue.add(write('third'));
    assert.deepEqual(sends, ['first'], 'the second (and one recorded meanwhile) wait behind the first');
    assert.equal(store.rows.get('first')?.attempts, 1);
    assert.equal(timers.at(-1)?.ms, 1000);

    timers.at(-1)!.run();
    await queue.flush();
    assert.deepEqual(sends, ['first', 'first']);
    assert.equal(timers.at(-1)?.ms, 2000, 'the pause grows');

    timers.at(-1)!.run();
    await queue.flush();
    assert.deepEqual(sends, ['first', 'first', 'first', 'second', 'third'], 'the same key each time, then the next ones');
    assert.deepEqual(queue.snapshot(), []);
  });

  test('when the server refuses one (the case was put on hold), then it is kept to be read and dismissed, and the rest is sent', async () => {
    const { queue, sends, answer, store } = setup();
    answer('visit-on-hold', onHold);
    await queue.add(write('visit-on-hold'));
    await queue.add(write('report'));
    await queue.flush();
    assert.deepEqual(sends, ['visit-on-hold', 'report']);
    const [kept] = queue.snapshot();
    assert.equal(kept?.key, 'visit-on-hold');
    assert.equal(kept?.refused?.code, 'CASE_ON_HOLD');

    await queue.flush();
    assert.deepEqual(sends, ['visit-on-hold', 'report'], 'a refused write is not sent again');
    await queue.dismiss('visit-on-hold');
    assert.deepEqual(queue.snapshot(), []);
    assert.equal(store.rows.size, 0);
  });

  test('when a photo is refused, then the visit recorded after it is kept and sent without that photo, and the other photo goes with it', async () => {
    const { queue, sends, sentWrites, answer, store } = setup({ withoutRefused: withoutRefusedPhoto });
    const photo = (id: string): QueuedWrite => ({
      ...write(`put-${id}`),
      kind: 'photo',
      method: 'PUT',
      path: `/api/cases/case-1/photos/${id}`,
      body: new Blob([id], { type: 'image/jpeg' }),
    });
    const visit: QueuedWrite = { ...write('visit'), seq: seq + 10, body: { notes: 'with photos', photoIds: ['p-1', 'p-2'] } };
    answer('put-p-1', { refused: { status: 413, code: 'PHOTO_TOO_LARGE', detail: 'The photo is too large' } });
    const [p1, p2] = [photo('p-1'), photo('p-2')];
    await store.put(visit);
    await queue.add(p1);
    await queue.add(p2);
    await queue.flush();
    assert.deepEqual(sends, ['put-p-1', 'put-p-2', 'visit']);
    assert.equal(sentWrites[1]?.body, p2.body, 'a photo is handed to the sender as its Blob');
    assert.deepEqual(sentWrites[2]?.body, { notes: 'with photos', photoIds: ['p-2'] });
    assert.equal(sentWrites[2]?.key, 'visit', 'with its own key');
    assert.deepEqual([...store.rows.values()].map((w) => w.body), [p1.body], 'only the refused photo is kept, its Blob as it was');
    assert.equal(queue.snapshot()[0]?.refused?.code, 'PHOTO_TOO_LARGE');
  });

  test('when the session has ended, then nothing more is sent until the next flush, and another person’s work is never sent', async () => {
    const { queue, sends, answer } = setup({ stored: [write('theirs', 'mentor-2'), write('mine')] });
    answer('mine', { signedOut: true });
    await queue.start();
    assert.deepEqual(sends, ['mine']);
    assert.deepEqual(queue.snapshot().map((w) => w.key).sort(), ['mine', 'theirs']);
    await queue.flush();
    assert.deepEqual(sends, ['mine', 'mine']);
    assert.deepEqual(queue.snapshot().map((w) => w.key), ['theirs']);
  });

  test('the pause doubles from a second up to a minute, with some spread', () => {
    assert.equal(defaultBackoffMs(1, () => 0.5), 1000);
    assert.equal(defaultBackoffMs(3, () => 0.5), 4000);
    assert.equal(defaultBackoffMs(20, () => 0.5), 60_000);
    assert.equal(defaultBackoffMs(1, () => 0), 800);
    assert.equal(defaultBackoffMs(1, () => 1), 1200);
  });
});
