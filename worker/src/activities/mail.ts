import { log } from '@temporalio/activity';
import { outboxRepository } from '@kampung/db';
import type { MailActivities } from '@kampung/workflows';
import { messageIdOf, type MailConfig, type Transport } from '../mail/transport';
import { renderMail } from '../mail/templates';
import type { ActivityDeps } from './index';

export interface MailDeps {
  config: MailConfig;
  transport: Transport;
}

/** The outbox drained over SMTP; each row is sent and marked in one transaction under its lock. */
export function createMailActivities(deps: ActivityDeps): MailActivities {
  const mail = () => {
    if (!deps.mail) throw new Error('this worker has no SMTP configured (SMTP_URL)');
    return deps.mail;
  };
  return {
    async pendingMail({ limit }) {
      return outboxRepository.pendingMailIds(deps.db, limit);
    },

    async deliverMail({ outboxId }) {
      const { config, transport } = mail();
      const result = await outboxRepository.attemptDelivery(deps.db, outboxId, config.maxAttempts, async (row, trx) => {
        const { subject, text } = await renderMail(trx, row);
        await transport.sendMail({ from: config.from, to: { name: row.to.name, address: row.to.email }, subject, text, messageId: messageIdOf(row.id, config.from) });
      });
      if (result.outcome === 'SENT') return 'SENT';
      if (result.outcome === 'NOT_PENDING') return 'SKIPPED';
      if (result.dead) {
        log.warn('mail given up (dead letter)', { outboxId, attempts: result.attempts, error: result.error });
        return 'DEAD';
      }
      throw new Error(`mail ${outboxId} not sent (attempt ${result.attempts} of ${config.maxAttempts}): ${result.error}`);
    },

    async writeEscalationDigests({ at }) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(at));
      return outboxRepository.writeEscalationDigests(deps.db, day);
    },
  };
}
