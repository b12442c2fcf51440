import type { CaughtMail } from '@kampung/tools/mail/catcher';

/** The mail the throwaway stack's SMTP catcher received (MAIL_CATCHER_URL), as a recipient sees it. */
export async function waitForMail(to: string, timeoutMs = 30_000): Promise<CaughtMail> {
  const base = process.env.MAIL_CATCHER_URL;
  if (!base) throw new Error('MAIL_CATCHER_URL is not set: run the tests through `npm test`');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await (await fetch(`${base}/messages`)).json()) as CaughtMail[];
    const mine = mails.filter((mail) => mail.to.includes(to));
    if (mine.length > 0) return mine[mine.length - 1]!;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every mail to `to` so far. */
export async function mailsTo(to: string): Promise<CaughtMail[]> {
  const mails = (await (await fetch(`${process.env.MAIL_CATCHER_URL}/messages`)).json()) as CaughtMail[];
  return mails.filter((mail) => mail.to.includes(to));
}

/** The one-time link in a mail's text. */
export function linkIn(mail: CaughtMail): URL {
  const found = /https?:\/\/\S+\/invitation#\S+/.exec(mail.text);
  if (!found) throw new Error(`no invitation link in: ${mail.text}`);
  return new URL(found[0]);
}
