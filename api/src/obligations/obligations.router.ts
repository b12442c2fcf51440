import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { listObligations, worklist } from './obligations.service';

/** Obligations as people read them: the list and one's worklist (one's inbox: inbox/). */
export function obligationsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/obligations', allow('obligation.read'), async (req, res) => {
    res.json(await listObligations(deps.db, req.query, reachOf(req)));
  });
  router.get('/api/me/worklist', allow('obligation.read'), async (req, res) => {
    res.json(await worklist(deps.db, currentUser(req).id, reachOf(req)));
  });
  return router;
}
