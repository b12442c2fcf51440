import { outboxRepository, type Db } from '@kampung/db';
import type { DeadLetters } from '@kampung/domain';

/** The mail the worker gave up on, newest first, each with its last error. */
export async function listDeadLetters(db: Db): Promise<DeadLetters> {
  const rows = await outboxRepository.deadMail(db);
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      template: row.template,
      recipient: { id: row.recipient_id, name: row.recipient_name, email: row.recipient_email },
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
      deadAt: row.dead_at ? row.dead_at.toISOString() : null,
    })),
  };
}
