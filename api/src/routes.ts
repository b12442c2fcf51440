import type { Router } from 'express';
import { pino } from 'pino';
import { createApp } from './app';
import { loadApiConfig } from './config';

/** Every route the API declares, as "METHOD /path", read from the Express app itself (no database
 * or Temporal is touched): the authorization matrix test checks it covers them all. */
export function declaredRoutes(): string[] {
  const config = loadApiConfig({ ...process.env, DATABASE_URL: 'postgres://unused', TEMPORAL_ADDRESS: 'unused:7233' });
  const app = createApp({ db: {} as never, temporal: {} as never, taskQueue: 'unused', config, log: pino({ level: 'silent' }) });
  const routes: string[] = [];
  const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack as typeof stack);
    }
  };
  walk((app as unknown as { router: Router }).router.stack as unknown as Parameters<typeof walk>[0]);
  return [...new Set(routes)];
}
