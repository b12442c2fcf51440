import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireAdmin } from '../auth/auth.middleware';
import { listAudit } from './audit.service';

/** The audit log; admins read it until the access issue's auditor role does. */
export function auditRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/audit', requireAdmin, async (req, res) => {
    res.json(await listAudit(deps.db, req.query));
  });
  return router;
}
