import { createHash, randomUUID } from 'node:crypto';

/**
 * The id of what one user action writes. With an Idempotency-Key it is derived from the key (and
 * the user and kind of record), so a retry of the same action finds the row its first attempt wrote
 * and sends the same Temporal Update id; without one it is new each time.
 */
export function actionId(key: string | undefined, scope: { userId: string; kind: string }): string {
  if (!key) return randomUUID();
  const hex = createHash('sha256').update(`${scope.kind}\n${scope.userId}\n${key}`).digest('hex');
  // Shaped as a version-4 UUID (the columns are uuid), its bits from the hash.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
