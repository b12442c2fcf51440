import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { obligationInReach } from '../cases/case-reach.middleware';
import { idempotencyKeyOf } from '../http/idempotency';
import { waiveObligation } from './waivers.service';

/** An officer waives an open obligation with a reason. */
export function waiversRouter(deps: AppDeps): Router {
  const router = Router();
  router.post('/api/obligations/:id/waive', allow('obligation.waive'), obligationInReach(deps.db), async (req, res) => {
    res.json(await waiveObligation(deps, String(req.params.id), req.body, currentUser(req).id, auditSource(req), idempotencyKeyOf(req)));
  });
  return router;
}
