import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { AppDeps } from '../app';
import { databaseGauges } from './database-gauges';
import { httpMetrics } from './http-metrics';

export interface Metrics {
  /** First in the chain, so that every answer is timed. */
  timing: RequestHandler;
  router: Router;
}

/** GET /metrics in Prometheus text format: request latency by route, the process (memory, event
 * loop, GC) and gauges read from PostgreSQL at scrape time. Labels carry route patterns, statuses
 * and kinds only, never personal data. Open on the API port unless METRICS_TOKEN is set; then it
 * takes `Authorization: Bearer <METRICS_TOKEN>` only. */
export function createMetrics({ db, config }: Pick<AppDeps, 'db' | 'config'>): Metrics {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const timing = httpMetrics(register);
  const refresh = databaseGauges(register, db);
  const token = config.METRICS_TOKEN;

  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && !sameSecret(req.get('authorization') ?? '', `Bearer ${token}`)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need the bearer token (METRICS_TOKEN)\n');
      return;
    }
    await refresh();
    res.type(register.contentType).send(await register.metrics());
  });
  return { timing, router };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
