import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireAdmin, requireUser, requireWriter } from '../auth/auth.middleware';
import { assign, handOver, listAssignments } from './assignments.service';
import { listReports, submitReport } from './monitoring-reports.service';
import { setSupervisor } from './supervisors.service';
import { usersRepository } from '@kampung/db';
import { inbox, listObligations, worklist } from './obligations.service';
import { logVisit } from './visits.service';
import { waiveObligation } from './waivers.service';

export function obligationsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/cases/:id/assignments', requireUser, async (req, res) => {
    res.json(await listAssignments(deps, String(req.params.id)));
  });
  router.post('/api/cases/:id/assignments', requireWriter, async (req, res) => {
    res.status(201).json(await assign(deps, String(req.params.id), req.body, currentUser(req).id));
  });
  router.post('/api/cases/:id/assignments/:assignmentId/handover', requireWriter, async (req, res) => {
    res.json(await handOver(deps, String(req.params.id), String(req.params.assignmentId), req.body, currentUser(req).id));
  });
  router.post('/api/cases/:id/monitoring-reports', requireWriter, async (req, res) => {
    res.status(201).json(await submitReport(deps, String(req.params.id), req.body, currentUser(req).id));
  });
  router.get('/api/cases/:id/monitoring-reports', requireUser, async (req, res) => {
    res.json(await listReports(deps, req.query, String(req.params.id)));
  });
  // Red reports for managers: ?red=true
  router.get('/api/monitoring-reports', requireUser, async (req, res) => {
    res.json(await listReports(deps, req.query));
  });
  router.put('/api/users/:id/supervisor', requireAdmin, async (req, res) => {
    res.json(await setSupervisor(deps.db, String(req.params.id), req.body));
  });
  router.post('/api/cases/:id/visits', requireWriter, async (req, res) => {
    res.status(201).json(await logVisit(deps, String(req.params.id), req.body));
  });
  router.get('/api/obligations', requireUser, async (req, res) => {
    res.json(await listObligations(deps.db, req.query));
  });
  router.get('/api/me/inbox', requireUser, async (req, res) => {
    res.json(await inbox(deps.db, currentUser(req).id));
  });
  router.post('/api/obligations/:id/waive', requireWriter, async (req, res) => {
    res.json(await waiveObligation(deps, String(req.params.id), req.body, currentUser(req).id));
  });
  router.get('/api/me/worklist', requireUser, async (req, res) => {
    res.json(await worklist(deps.db, currentUser(req).id));
  });
  // Who can be assigned; names only (the account model comes with the access issue).
  router.get('/api/users', requireUser, async (_req, res) => {
    res.json(
      (await usersRepository.listUsers(deps.db)).map((u) => ({ id: u.id, name: u.name, role: u.role, supervisorId: u.supervisor_id })),
    );
  });
  return router;
}
