import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { changePolicy, getCurrentPolicy, listPolicyVersions } from './policies.service';

export function policiesRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/api/programs/:code/policy', allow('policy.read'), async (req, res) => {
    res.json(await getCurrentPolicy(db, String(req.params.code)));
  });
  router.get('/api/programs/:code/policy/versions', allow('policy.read'), async (req, res) => {
    res.json(await listPolicyVersions(db, String(req.params.code)));
  });
  router.put('/api/programs/:code/policy', allow('policy.edit'), async (req, res) => {
    res.json(await changePolicy(db, String(req.params.code), req.body, currentUser(req), auditSource(req)));
  });
  return router;
}
