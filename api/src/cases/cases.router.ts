import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireUser, requireWriter } from '../auth/auth.middleware';
import { caseTimeline } from './case-timeline.service';
import { getCase, listCases, proposeCase, transitionCase } from './cases.service';

export function casesRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/cases', requireUser, async (req, res) => {
    res.json(await listCases(deps, req.query));
  });
  router.post('/api/cases', requireWriter, async (req, res) => {
    res.status(201).json(await proposeCase(deps, req.body, currentUser(req).id));
  });
  router.get('/api/cases/:id', requireUser, async (req, res) => {
    res.json(await getCase(deps, String(req.params.id)));
  });
  router.get('/api/cases/:id/timeline', requireUser, async (req, res) => {
    res.json(await caseTimeline(deps, String(req.params.id), currentUser(req)));
  });
  router.post('/api/cases/:id/transitions', requireWriter, async (req, res) => {
    res.json(await transitionCase(deps, String(req.params.id), req.body, currentUser(req).id));
  });
  return router;
}
