/**
 * A tiny HTTP load balancer for the cluster form: one port in front of the API replicas, each
 * request to the next replica in turn. A replica that refuses the connection (it is down or
 * restarting) is skipped and the request goes to the next one: it never reached the dead one, so
 * sending it elsewhere is safe even for a write. A replica that dies in the middle of a request
 * is not retried here (it may have acted): the client gets 502 and retries with its idempotency
 * key. What a real load balancer (nginx, HAProxy, a cloud one) does with health checks, in brief.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  stop(): Promise<void>;
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH']);

export async function startRoundRobinProxy(options: { port: number; targets: readonly string[]; host?: string }): Promise<RoundRobinProxy> {
  const targets = options.targets.map((target) => new URL(target));
  let next = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req); // kept, so a refused request can be sent to another replica
      const start = next++ % targets.length;
      for (let tried = 0; tried < targets.length; tried++) {
        const target = targets[(start + tried) % targets.length]!;
        const outcome = await new Promise<'sent' | 'refused'>((resolve) => {
          const upstream = request(
            {
              host: target.hostname,
              port: target.port,
              method: req.method,
              path: req.url,
              headers: { ...req.headers, 'x-forwarded-for': forwardedFor(req), 'x-forwarded-proto': 'http' },
            },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
              answer.pipe(res);
              resolve('sent');
            },
          );
          upstream.on('error', (error: NodeJS.ErrnoException) => {
            if (!res.headersSent && REFUSED.has(error.code ?? '')) return resolve('refused');
            if (!res.headersSent) {
              res.writeHead(502, { 'content-type': 'application/problem+json' });
              res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', title: 'Bad gateway', detail: `The API replica failed: ${error.message}` }));
            } else res.destroy();
            resolve('sent');
          });
          upstream.end(body);
        });
        if (outcome === 'sent') return;
      }
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable', detail: 'No API replica is answering.' }));
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function forwardedFor(req: IncomingMessage): string {
  const previous = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? '';
  return previous ? `${String(previous)}, ${client}` : client;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
