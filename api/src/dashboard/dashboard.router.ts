import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { createDashboardCache } from './dashboard.cache';
import { changeSettings, dashboardScope, getSettings } from './dashboard.service';

export function dashboardRouter(deps: AppDeps): Router {
  const router = Router();
  const cachedDashboard = createDashboardCache(deps.db);
  router.get('/api/dashboard', allow('dashboard.read'), async (req, res) => {
    const fresh = /\bno-cache\b/i.test(req.get('cache-control') ?? '');
    res.set('cache-control', 'private, no-cache');
    res.json(await cachedDashboard(req.query as Record<string, unknown>, { fresh, scope: dashboardScope(reachOf(req)) }));
  });
  router.get('/api/dashboard/settings', allow('dashboard.read'), async (_req, res) => {
    res.json(await getSettings(deps.db));
  });
  router.put('/api/dashboard/settings', allow('dashboard.settings'), async (req, res) => {
    res.json(await changeSettings(deps.db, req.body, currentUser(req).id, auditSource(req)));
    cachedDashboard.clear();
  });
  return router;
}
