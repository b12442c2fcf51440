/**
 * One Idempotency-Key per user action. A write gets a new key, unless the same request (same
 * method, path and body) was sent before and its outcome is unknown (the network failed, the server
 * answered 5xx, or it was still running): then the retry (TanStack Query's, or the person pressing
 * again with the form unchanged) carries the first key, and the server answers with the first
 * outcome instead of doing it twice. Any answer (a success or a refusal) ends the action: the next
 * identical request is a new one. The same request sent again while it is in flight (a double click)
 * does not go out twice: it shares the first one's answer.
 */

/** How long an unknown outcome's key is offered to a retry (the server remembers keys for 24 h). */
export const UNKNOWN_OUTCOME_KEPT_MS = 60 * 60 * 1000;

type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/** A random key: a UUID where the browser offers one (secure contexts: https and localhost),
 * otherwise 32 hex digits from getRandomValues (plain http on a LAN address). */
export function newIdempotencyKey(random: RandomSource = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  return Array.from(random.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What makes two writes the same request. A file stands for itself by name, type, size and date. */
export function writeFingerprint(method: string, path: string, body: { json?: unknown; file?: Blob }): string {
  const { json, file } = body;
  if (file) {
    const named = file as Blob & { name?: string; lastModified?: number };
    return `${method} ${path}\nfile:${named.type}:${named.size}:${named.name ?? ''}:${named.lastModified ?? ''}`;
  }
  return `${method} ${path}\n${json === undefined ? '' : JSON.stringify(json)}`;
}

export interface WriteKeys {
  /** Sends the write (the same one in flight is shared) with the key its action calls for. */
  run<T>(fingerprint: string, send: (key: string) => Promise<T>): Promise<T>;
}

export function createWriteKeys(options: {
  /** Whether a failure leaves the outcome unknown (so a retry must carry the same key). */
  isUnknownOutcome: (error: unknown) => boolean;
  now?: () => number;
  newKey?: () => string;
}): WriteKeys {
  const { isUnknownOutcome, now = Date.now, newKey = () => newIdempotencyKey() } = options;
  const inFlight = new Map<string, Promise<unknown>>();
  const unknown = new Map<string, { key: string; settledAt: number }>();

  const keyFor = (fingerprint: string) => {
    const t = now();
    for (const [f, entry] of unknown) if (t - entry.settledAt > UNKNOWN_OUTCOME_KEPT_MS) unknown.delete(f);
    return unknown.get(fingerprint)?.key ?? newKey();
  };

  return {
    run<T>(fingerprint: string, send: (key: string) => Promise<T>): Promise<T> {
      const running = inFlight.get(fingerprint);
      if (running) return running as Promise<T>;
      const key = keyFor(fingerprint);
      const attempt = send(key)
        .then(
          (value) => {
            unknown.delete(fingerprint);
            return value;
          },
          (error: unknown) => {
            if (isUnknownOutcome(error)) unknown.set(fingerprint, { key, settledAt: now() });
            else unknown.delete(fingerprint);
            throw error;
          },
        )
        .finally(() => inFlight.delete(fingerprint));
      inFlight.set(fingerprint, attempt);
      return attempt;
    },
  };
}
