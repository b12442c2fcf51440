import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach } from '../cases/case-reach.middleware';
import { assign, endAssignment, handOver, listAssignments } from './assignments.service';

/** A case's team: its positions, their handovers and their ends. */
export function assignmentsRouter(deps: AppDeps): Router {
  const router = Router();
  const inReach = caseInReach(deps.db);
  router.get('/api/cases/:id/assignments', allow('case.read'), inReach, async (req, res) => {
    res.json(await listAssignments(deps, String(req.params.id)));
  });
  router.post('/api/cases/:id/assignments', allow('case.assign'), inReach, async (req, res) => {
    res.status(201).json(await assign(deps, String(req.params.id), req.body, currentUser(req).id, { source: auditSource(req) }));
  });
  router.post('/api/cases/:id/assignments/:assignmentId/handover', allow('case.handover'), inReach, async (req, res) => {
    res.json(await handOver(deps, String(req.params.id), String(req.params.assignmentId), req.body, currentUser(req).id, auditSource(req)));
  });
  router.post('/api/cases/:id/assignments/:assignmentId/end', allow('case.assign'), inReach, async (req, res) => {
    res.json(await endAssignment(deps, String(req.params.id), String(req.params.assignmentId), req.body, currentUser(req).id, auditSource(req)));
  });
  return router;
}
