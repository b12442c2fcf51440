import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { approveMerge, decide, findDuplicates, listDuplicates } from './duplicates.service';

/** One data: the duplicate review queue and merges (a manager's approval). */
export function duplicatesRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/duplicates', allow('duplicate.read'), async (req, res) => {
    res.json(await listDuplicates(deps.db, req.query));
  });
  router.post('/api/duplicates/run', allow('duplicate.review'), async (req, res) => {
    const found = await findDuplicates({ db: deps.db, temporal: deps.temporal, backgroundTaskQueue: deps.config.BACKGROUND_TASK_QUEUE }, { actorId: currentUser(req).id, ...auditSource(req) });
    res.status(found.running ? 202 : 200).json(found);
  });
  router.post('/api/duplicates/:id/decision', allow('duplicate.review'), async (req, res) => {
    res.json(await decide(deps.db, String(req.params.id), req.body, currentUser(req), auditSource(req)));
  });
  router.post('/api/duplicates/:id/approval', allow('duplicate.approve'), async (req, res) => {
    res.json(await approveMerge(deps.db, String(req.params.id), currentUser(req), auditSource(req)));
  });
  return router;
}
