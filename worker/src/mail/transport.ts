import nodemailer from 'nodemailer';

export interface MailConfig {
  smtpUrl: string;
  from: string;
  /** Attempts of one row before it is DEAD. */
  maxAttempts: number;
}

export type Transport = ReturnType<typeof nodemailer.createTransport>;

/** One SMTP transport for the worker, with bounded waits: a server that does not answer fails the
 * attempt (and Temporal retries it) instead of hanging. */
export function createTransport(smtpUrl: string): Transport {
  return nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
}

/** host:port of an SMTP URL, without its user or password. */
export function describeSmtp(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
  } catch {
    return '(an SMTP_URL that is not a URL)';
  }
}

/** null when the SMTP server answers, else why not (one line). */
export async function smtpProblem(transport: Transport): Promise<string | null> {
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  }
}

/** The Message-ID of an outbox row: the same for every attempt, so a mail sent again after a crash
 * between the SMTP answer and the commit can be recognised as the same one. */
export function messageIdOf(outboxId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'kampung.local';
  return `<outbox-${outboxId}@${domain}>`;
}
