import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { MailActivities, MailPassSummary } from './activity-contract';
import type { MailDeliveryInput } from './mail-messages';

const { pendingMail, writeEscalationDigests } = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Each attempt of a row is counted in PostgreSQL, which marks it DEAD at the configured number of
// attempts; until then an SMTP outage is waited out here, 1 s after the first failure, twice as
// long each time, at most 5 minutes apart.
const { deliverMail } = proxyActivities<MailActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One pass of the outbox (a Temporal Schedule starts one every MAIL_EVERY): the rows waiting are
 * sent side by side, each with its own retries. Outbox row ids only: addresses, names and links
 * are read by the activities from PostgreSQL. */
export async function mailDeliveryWorkflow(input: MailDeliveryInput = {}): Promise<MailPassSummary> {
  const limit = input.limit ?? 50;
  const ids = await pendingMail({ limit });
  const outcomes = await Promise.all(ids.map((outboxId) => deliverMail({ outboxId })));
  const summary: MailPassSummary = {
    sent: outcomes.filter((o) => o === 'SENT').length,
    dead: outcomes.filter((o) => o === 'DEAD').length,
    skipped: outcomes.filter((o) => o === 'SKIPPED').length,
  };
  if (ids.length === limit) return await continueAsNew<typeof mailDeliveryWorkflow>({ limit });
  return summary;
}

/** Once a day (a Temporal Schedule): each supervisor or manager with escalations waiting gets one
 * outbox row listing them, which the next mail pass sends. */
export async function escalationDigestWorkflow(): Promise<{ digests: number }> {
  return { digests: await writeEscalationDigests({ at: new Date().toISOString() }) };
}
