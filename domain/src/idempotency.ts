import { z } from './zod';

export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-headers';

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, '8 to 128 characters: letters, digits, _ and -')
  .openapi({
    description:
      'Names one action: a repeat of the same request with the same key within 24 hours gets the first answer ' +
      '(with `Idempotent-Replayed: true`) and writes nothing; while the first still runs, 409 REQUEST_IN_PROGRESS ' +
      'with Retry-After; the same key with another request, 422 IDEMPOTENCY_KEY_REUSED. A 5xx answer is not kept. ' +
      'Optional; the web app sends one with every write.',
    example: '5f0c6b1e-8a52-4c1e-9d2e-0b7f3f1c2a44',
  });
