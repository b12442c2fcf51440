import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { setSupervisor } from './supervisors.service';

/** Who an assignee's escalations reach first. */
export function supervisorsRouter(deps: AppDeps): Router {
  const router = Router();
  router.put('/api/users/:id/supervisor', allow('user.manage'), async (req, res) => {
    res.json(await setSupervisor(deps.db, String(req.params.id), req.body, currentUser(req).id, auditSource(req)));
  });
  return router;
}
