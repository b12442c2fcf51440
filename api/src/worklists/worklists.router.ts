import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { createWorklist, deleteWorklist, getWorklist, listWorklists, updateWorklist } from './worklists.service';

/** Named worklists: any signed-in user keeps their own and sees the ones colleagues share. */
export function worklistsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/worklists', allow('worklist.save'), async (req, res) => {
    res.json(await listWorklists(deps.db, req.query, currentUser(req).id));
  });
  router.post('/api/worklists', allow('worklist.save'), async (req, res) => {
    res.status(201).json(await createWorklist(deps.db, req.body, currentUser(req).id, auditSource(req)));
  });
  router.get('/api/worklists/:id', allow('worklist.save'), async (req, res) => {
    res.json(await getWorklist(deps.db, String(req.params.id), currentUser(req).id));
  });
  router.put('/api/worklists/:id', allow('worklist.save'), async (req, res) => {
    res.json(await updateWorklist(deps.db, String(req.params.id), req.body, currentUser(req).id, auditSource(req)));
  });
  router.delete('/api/worklists/:id', allow('worklist.save'), async (req, res) => {
    await deleteWorklist(deps.db, String(req.params.id), currentUser(req).id, auditSource(req));
    res.status(204).end();
  });
  return router;
}
