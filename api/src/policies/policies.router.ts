import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireAdmin, requireUser } from '../auth/auth.middleware';
import { changePolicy, getCurrentPolicy, listPolicyVersions } from './policies.service';

export function policiesRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/api/programs/:code/policy', requireUser, async (req, res) => {
    res.json(await getCurrentPolicy(db, String(req.params.code)));
  });
  router.get('/api/programs/:code/policy/versions', requireUser, async (req, res) => {
    res.json(await listPolicyVersions(db, String(req.params.code)));
  });
  router.put('/api/programs/:code/policy', requireAdmin, async (req, res) => {
    res.json(await changePolicy(db, String(req.params.code), req.body, currentUser(req).id));
  });
  return router;
}
