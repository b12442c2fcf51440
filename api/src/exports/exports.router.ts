import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireUser } from '../auth/auth.middleware';
import { exportCases, exportObligations } from './exports.service';

/** Any list exports with the filters it is shown with: `?format=csv|xlsx&lang=id|en&…filters`. */
export function exportsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/obligations/export', requireUser, async (req, res) => {
    await exportObligations(deps.db, res, req.query as Record<string, unknown>);
  });
  router.get('/api/cases/export', requireUser, async (req, res) => {
    await exportCases(deps.db, res, req.query as Record<string, unknown>);
  });
  return router;
}
