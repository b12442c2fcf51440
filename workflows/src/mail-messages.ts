/** The Temporal Schedule that starts a mail pass (every MAIL_EVERY, one pass at a time). */
export const MAIL_SCHEDULE_ID = 'mail-delivery';
/** The Temporal Schedule that writes the supervisors' escalation digests once a day. */
export const ESCALATION_DIGEST_SCHEDULE_ID = 'escalation-digest';

export interface MailDeliveryInput {
  /** Rows per pass (default 50); a full page continues as new with the next. */
  limit?: number;
}
