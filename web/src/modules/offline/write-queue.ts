/**
 * The device's queue of field work not yet answered by the server: visits (each after its photos),
 * monitoring reports and attendance recorded with no signal (or whose sending failed on the way). Each keeps the
 * Idempotency-Key it was made with, so however often it is sent, the server records it once.
 *
 * Sent in the order they were recorded, one at a time; a failure of the network (or of the server)
 * stops the round and it is tried again later, with a growing pause, until answered. A refusal (the
 * case was put on hold, the obligation waived meanwhile) is kept for the person to read and dismiss,
 * and the entries after it go on. No I/O here: the store, the sending and the clock come in.
 */

export const QUEUED_KINDS = ['photo', 'visit', 'report', 'attendance'] as const;
export type QueuedKind = (typeof QUEUED_KINDS)[number];

/** The server's refusal of a queued write, as the person is shown it. */
export interface Refusal {
  status: number;
  code: string;
  detail: string;
  /** The fields the server named (`photoIds`), for a validation failure. */
  fields?: string[];
}

export interface QueuedWrite {
  /** The Idempotency-Key, made when the person saved it; also its key in the store. */
  key: string;
  /** The order of recording. */
  seq: number;
  /** Whose work it is: sent only in that person's session. */
  userId: string;
  kind: QueuedKind;
  caseId: string;
  method: 'POST' | 'PUT';
  path: string;
  /** JSON, or a Blob (a photo) sent as it is with its own type; IndexedDB keeps either. */
  body: unknown;
  /** Headers of its own (a photo's X-Photo-Taken-At). */
  headers?: Record<string, string>;
  /** When the person saved it (ISO instant). */
  recordedAt: string;
  /** Failed sends so far (network or server), for the pause before the next. */
  attempts: number;
  refused?: Refusal;
}

export type SendOutcome = { sent: true } | { retry: true } | { signedOut: true } | { refused: Refusal };

export interface QueueStore {
  all(): Promise<QueuedWrite[]>;
  put(write: QueuedWrite): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface WriteQueueDeps {
  store: QueueStore;
  send: (write: QueuedWrite) => Promise<SendOutcome>;
  /** The signed-in user, if any: only their writes are sent. */
  currentUser: () => string | undefined;
  /** After a round that sent at least one write (the pages' data is out of date). */
  onSent?: (sent: QueuedWrite[]) => void;
  /**
   * A write recorded after a refused one, as it goes on without it (a visit without the photo the
   * server refused), or undefined to send it as it is. It has never been sent: nothing overtakes a
   * write until it is answered, so its key is not yet the server's with another body.
   */
  withoutRefused?: (refused: QueuedWrite, later: QueuedWrite) => QueuedWrite | undefined;
  /** The pause before the next try after `attempts` failures in a row. */
  backoffMs?: (attempts: number) => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** 1 s, 2 s, 4 s … up to a minute, each ±20 % so that phones coming back together do not knock at once. */
export function defaultBackoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface WriteQueue {
  /** Loads the stored queue (once) and sends what waits. */
  start(): Promise<void>;
  add(write: QueuedWrite): Promise<void>;
  /** Sends what waits now (the connection came back, the person signed in). */
  flush(): Promise<void>;
  /** Forgets a refused write once the person has read it. */
  dismiss(key: string): Promise<void>;
  /** Every write on the device, in order (the same array until something changes). */
  snapshot(): readonly QueuedWrite[];
  subscribe(listener: () => void): () => void;
}

export function createWriteQueue(deps: WriteQueueDeps): WriteQueue {
  const { store, send, currentUser, onSent, withoutRefused, backoffMs = defaultBackoffMs } = deps;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let writes: readonly QueuedWrite[] = [];
  let loaded: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  let running: Promise<void> | undefined;
  let again = false;
  let timer: unknown;

  const publish = (next: QueuedWrite[]) => {
    writes = next.sort((a, b) => a.seq - b.seq);
    for (const listener of listeners) listener();
  };
  const replace = (write: QueuedWrite) => publish([...writes.filter((w) => w.key !== write.key), write]);
  const drop = (key: string) => publish(writes.filter((w) => w.key !== key));

  const load = () => {
    loaded ??= store.all().then(
      (stored) => publish([...stored, ...writes.filter((w) => !stored.some((s) => s.key === w.key))]),
      () => undefined,
    );
    return loaded;
  };

  async function round(): Promise<void> {
    const user = currentUser();
    if (!user) return;
    const sent: QueuedWrite[] = [];
    try {
      for (;;) {
        const next = writes.find((w) => w.userId === user && !w.refused);
        if (!next) return;
        const outcome = await send(next).catch((): SendOutcome => ({ retry: true }));
        if ('sent' in outcome) {
          await store.remove(next.key);
          drop(next.key);
          sent.push(next);
        } else if ('refused' in outcome) {
          const refused = { ...next, refused: outcome.refused };
          await store.put(refused);
          replace(refused);
          for (const later of writes.filter((w) => w.userId === user && !w.refused && w.seq > refused.seq)) {
            const amended = withoutRefused?.(refused, later);
            if (!amended) continue;
            await store.put(amended);
            replace(amended);
          }
        } else if ('signedOut' in outcome) {
          return; // sent again once someone signs in
        } else {
          const failed = { ...next, attempts: next.attempts + 1 };
          await store.put(failed);
          replace(failed);
          timer = setTimer(() => {
            timer = undefined;
            void flush();
          }, backoffMs(failed.attempts));
          return;
        }
      }
    } finally {
      if (sent.length > 0) onSent?.(sent);
    }
  }

  function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimer(timer);
      timer = undefined;
    }
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      await load();
      do {
        again = false;
        await round();
      } while (again && timer === undefined);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start: () => flush(),
    async add(write) {
      await load();
      await store.put(write);
      replace(write);
      // Behind a write waiting out its pause, it waits too; else it goes now.
      if (timer === undefined) void flush();
    },
    flush,
    async dismiss(key) {
      await store.remove(key);
      drop(key);
    },
    snapshot: () => writes,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
