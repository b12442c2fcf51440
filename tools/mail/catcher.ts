/**
 * A local SMTP catcher for `npm start` and the tests: an SMTP server that keeps every mail it is
 * given in memory (nothing leaves the machine), and a small web page to read them
 * (`GET /` the list and each mail, `GET /messages` as JSON, `DELETE /messages` to empty it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export interface MailCatcherOptions {
  /** SMTP port (0: a free one). */
  smtpPort: number;
  /** Web page port (0: a free one). */
  webPort: number;
  host?: string;
  /** A reason to refuse a recipient (answered 550), or null to take it; for tests of bounces. */
  refuseRecipient?: (address: string) => string | null;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  smtpPort: number;
  messages(): CaughtMail[];
  /** Stops taking SMTP connections (the web page stays); `resumeSmtp` takes them again on the same port. */
  stopSmtp(): Promise<void>;
  resumeSmtp(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const caught: CaughtMail[] = [];
  const newSmtp = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'catcher' }),
      onRcptTo(address, _session, callback) {
        const refused = options.refuseRecipient?.(address.address);
        if (refused) return callback(Object.assign(new Error(refused), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            caught.push({
              id: caught.length + 1,
              messageId: mail.messageId ?? '',
              from: mail.from?.text ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              receivedAt: new Date().toISOString(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  let smtp = newSmtp();
  const listenSmtp = (port: number) =>
    new Promise<number>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(port, host, () => resolve((smtp.server.address() as AddressInfo).port));
    });
  const smtpPort = await listenSmtp(options.smtpPort);

  const web: Server = createServer((req, res) => {
    if (req.url === '/messages' && req.method === 'DELETE') {
      caught.splice(0);
      res.writeHead(204).end();
    } else if (req.url === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(caught));
    } else if (req.url === '/' || req.url === '') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(caught));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.webPort, host, resolve);
  });
  const webPort = (web.address() as AddressInfo).port;
  let smtpOpen = true;
  const closeSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${webPort}`,
    smtpPort,
    messages: () => [...caught],
    async stopSmtp() {
      if (!smtpOpen) return;
      smtpOpen = false;
      await closeSmtp();
    },
    async resumeSmtp() {
      if (smtpOpen) return;
      smtp = newSmtp();
      await listenSmtp(smtpPort);
      smtpOpen = true;
    },
    async stop() {
      web.closeAllConnections();
      await Promise.all([smtpOpen ? closeSmtp() : undefined, new Promise((resolve) => web.close(resolve))]);
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const linkify = (html: string) => html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

function page(mails: CaughtMail[]): string {
  const items = [...mails]
    .reverse()
    .map(
      (m) => `<article><h2>${escapeHtml(m.subject)}</h2>
<p class="meta">${escapeHtml(m.receivedAt)} · ${escapeHtml(m.from)} → ${escapeHtml(m.to.join(', '))} · ${escapeHtml(m.messageId)}</p>
<pre>${linkify(escapeHtml(m.text))}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Surel terkirim / Sent mail (${mails.length})</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:.5rem 0}.meta{color:#555;font-size:.9rem}pre{white-space:pre-wrap}</style></head>
<body><h1>Surel terkirim / Sent mail (${mails.length})</h1>
<p>Semua surel yang dikirim aplikasi di mesin ini; tidak ada yang keluar. / Every mail the app sent on this machine; nothing leaves it.</p>
${items || '<p>Belum ada surel. / No mail yet.</p>'}
</body></html>`;
}
