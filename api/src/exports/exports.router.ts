import { Router, type Request } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { exportCases, exportObligations, type Exporter } from './exports.service';

const exporter = (req: Request): Exporter => ({ userId: currentUser(req).id, reach: reachOf(req), source: auditSource(req) });

/** Any list exports with the filters it is shown with: `?format=csv|xlsx&lang=id|en&…filters`. */
export function exportsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/obligations/export', allow('export.read'), async (req, res) => {
    await exportObligations(deps.db, res, req.query as Record<string, unknown>, exporter(req));
  });
  router.get('/api/cases/export', allow('export.read'), async (req, res) => {
    await exportCases(deps.db, res, req.query as Record<string, unknown>, exporter(req));
  });
  return router;
}
