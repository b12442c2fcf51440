// Plain constants, no schema: the web's first download imports them without zod.

/** The request header that names one action of a person: a repeat of the same request with the
 * same key gets the first answer, and nothing is done twice. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set (to `true`) on an answer that repeats the stored first answer. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
