import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Client } from '@temporalio/client';
import type { Db } from '@kampung/db';
import type { ApiConfig } from './config';
import { authenticate, SESSION_COOKIE, sessionCookieOptions } from './auth/auth.middleware';
import { csrfProtection } from './auth/csrf';
import { idempotency } from './http/idempotency';
import { compressResponses, serveWebApp } from './http/web-app';
import { authRouter } from './auth/auth.router';
import { casesRouter } from './cases/cases.router';
import { exportsRouter } from './exports/exports.router';
import { AppError, errorMiddleware } from './errors';
import { healthRouter } from './health/health.router';
import { createMetrics } from './metrics/metrics.router';
import { buildOpenApiDocument } from './openapi';
import { assignmentsRouter } from './assignments/assignments.router';
import { monitoringReportsRouter } from './monitoring-reports/monitoring-reports.router';
import { supervisorsRouter } from './supervisors/supervisors.router';
import { visitsRouter } from './visits/visits.router';
import { photosRouter } from './evidence/photos.router';
import { obligationsRouter } from './obligations/obligations.router';
import { inboxRouter } from './inbox/inbox.router';
import { waiversRouter } from './waivers/waivers.router';
import { dashboardRouter } from './dashboard/dashboard.router';
import { policiesRouter } from './policies/policies.router';
import { referenceRouter } from './reference/reference.router';
import { worklistsRouter } from './worklists/worklists.router';
import { usersRouter } from './users/users.router';
import { auditRouter } from './audit/audit.router';
import { householdsRouter } from './households/households.router';
import { activitiesRouter } from './activities/activities.router';
import { duplicatesRouter } from './duplicates/duplicates.router';
import { mailRouter } from './mail/mail.router';

export interface AppDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  config: ApiConfig;
  log: Logger;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createMetrics(deps);
  app.use(metrics.timing);
  app.use(compressResponses());
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': deps.config.NODE_ENV === 'production' ? [] : null } },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Never log bodies or cookies: they carry personal data and session tokens.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }), res: (res) => ({ statusCode: res.statusCode }) },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(express.json({ limit: '200kb' }));
  app.use(cookieParser());
  // Sessions are looked up for API calls only, not for every static asset.
  app.use('/api', authenticate(deps.db));
  app.use('/api', csrfProtection(SESSION_COOKIE, sessionCookieOptions(deps.config)));
  // After both: a key is kept per signed-in user, and a forged write never gets as far as a key.
  app.use('/api', idempotency(deps.db));

  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(healthRouter(deps));
  app.use(metrics.router);
  app.use(authRouter(deps));
  app.use(referenceRouter(deps));
  app.use(policiesRouter(deps));
  app.use(exportsRouter(deps)); // before /api/cases/:id
  app.use(casesRouter(deps));
  app.use(assignmentsRouter(deps));
  app.use(monitoringReportsRouter(deps));
  app.use(supervisorsRouter(deps));
  app.use(mailRouter(deps));
  app.use(visitsRouter(deps));
  app.use(photosRouter(deps));
  app.use(obligationsRouter(deps));
  app.use(inboxRouter(deps));
  app.use(waiversRouter(deps));
  app.use(dashboardRouter(deps));
  app.use(worklistsRouter(deps));
  app.use(usersRouter(deps));
  app.use(auditRouter(deps));
  app.use(householdsRouter(deps));
  app.use(activitiesRouter(deps));
  app.use(duplicatesRouter(deps));
  app.use('/api', (req) => {
    throw new AppError('NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl}`);
  });

  serveWebApp(app, deps.config.WEB_DIST_DIR);
  app.use(errorMiddleware);
  return app;
}
