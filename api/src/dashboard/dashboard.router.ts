import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireAdmin, requireUser } from '../auth/auth.middleware';
import { changeSettings, dashboard, getSettings } from './dashboard.service';

export function dashboardRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/dashboard', requireUser, async (req, res) => {
    res.json(await dashboard(deps.db, req.query));
  });
  router.get('/api/dashboard/settings', requireUser, async (_req, res) => {
    res.json(await getSettings(deps.db));
  });
  router.put('/api/dashboard/settings', requireAdmin, async (req, res) => {
    res.json(await changeSettings(deps.db, req.body, currentUser(req).id));
  });
  return router;
}
