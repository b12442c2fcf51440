import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach } from '../cases/case-reach.middleware';
import { idempotencyKeyOf } from '../http/idempotency';
import { logVisit } from './visits.service';

/** A mentor's or architect's visits to a kampung. */
export function visitsRouter(deps: AppDeps): Router {
  const router = Router();
  router.post('/api/cases/:id/visits', allow('visit.log'), caseInReach(deps.db), async (req, res) => {
    res.status(201).json(await logVisit(deps, String(req.params.id), req.body, currentUser(req), auditSource(req), idempotencyKeyOf(req)));
  });
  return router;
}
