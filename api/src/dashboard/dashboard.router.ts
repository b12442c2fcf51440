import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireAdmin, requireUser } from '../auth/auth.middleware';
import { createDashboardCache } from './dashboard.cache';
import { changeSettings, getSettings } from './dashboard.service';

export function dashboardRouter(deps: AppDeps): Router {
  const router = Router();
  const cachedDashboard = createDashboardCache(deps.db);
  router.get('/api/dashboard', requireUser, async (req, res) => {
    const fresh = /\bno-cache\b/i.test(req.get('cache-control') ?? '');
    res.set('cache-control', 'private, no-cache');
    res.json(await cachedDashboard(req.query as Record<string, unknown>, { fresh }));
  });
  router.get('/api/dashboard/settings', requireUser, async (_req, res) => {
    res.json(await getSettings(deps.db));
  });
  router.put('/api/dashboard/settings', requireAdmin, async (req, res) => {
    res.json(await changeSettings(deps.db, req.body, currentUser(req).id));
    cachedDashboard.clear();
  });
  return router;
}
