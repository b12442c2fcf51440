import { idempotencyKeyOf } from '../http/idempotency';
import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { audit, auditSource } from '../audit/audit.service';
import { caseTimeline } from './case-timeline.service';
import { getCase, listCases, proposeCase, transitionCase } from './cases.service';

export function casesRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/cases', allow('case.read'), async (req, res) => {
    res.json(await listCases(deps, req.query, reachOf(req)));
  });
  router.post('/api/cases', allow('case.propose'), async (req, res) => {
    res.status(201).json(await proposeCase(deps, req.body, currentUser(req), auditSource(req)));
  });
  router.get('/api/cases/:id', allow('case.read'), async (req, res) => {
    const detail = await getCase(deps, String(req.params.id), currentUser(req));
    // The detail names the proposer: a read of personal data, audited.
    await audit(deps.db, {
      actorId: currentUser(req).id, action: 'PERSONAL_DATA_READ', subjectType: 'case', subjectId: detail.id, caseId: detail.id,
      after: { fields: ['proposer'] }, ...auditSource(req),
    });
    res.json(detail);
  });
  router.get('/api/cases/:id/timeline', allow('case.timeline'), async (req, res) => {
    res.json(await caseTimeline(deps, String(req.params.id), currentUser(req)));
  });
  router.post('/api/cases/:id/transitions', allow('case.transition'), async (req, res) => {
    res.json(await transitionCase(deps, String(req.params.id), req.body, currentUser(req), auditSource(req), idempotencyKeyOf(req)));
  });
  return router;
}
