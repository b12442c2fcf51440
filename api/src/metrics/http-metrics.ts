import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** The route pattern a request matched (`/api/cases/:id`), never its URL: ids and query strings
 * would make one series per case and could carry personal data. */
export function routeLabel(req: Request, status: number): string {
  const path: unknown = req.route?.path;
  if (path !== undefined) return `${req.baseUrl}${Array.isArray(path) ? path.join('|') : String(path)}`;
  // Static files of the web app, and requests no route took (404s, refusals before a route).
  return status < 400 ? '(static)' : '(no route)';
}

/** http_request_duration_seconds{method, route, status_class}: latency of every answer, by route. */
export function httpMetrics(register: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  return (req, res, next) => {
    const end = duration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeLabel(req, res.statusCode), status_class: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };
}
