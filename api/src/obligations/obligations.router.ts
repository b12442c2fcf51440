import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach, obligationInReach } from '../cases/case-reach.middleware';
import { assign, endAssignment, handOver, listAssignments } from './assignments.service';
import { idempotencyKeyOf } from '../http/idempotency';
import { listReports, submitReport } from './monitoring-reports.service';
import { setSupervisor } from './supervisors.service';
import { inbox, listObligations, worklist } from './obligations.service';
import { logVisit } from './visits.service';
import { waiveObligation } from './waivers.service';

export function obligationsRouter(deps: AppDeps): Router {
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
  router.post('/api/cases/:id/monitoring-reports', allow('report.submit'), inReach, async (req, res) => {
    res.status(201).json(await submitReport(deps, String(req.params.id), req.body, currentUser(req).id, auditSource(req), idempotencyKeyOf(req)));
  });
  router.get('/api/cases/:id/monitoring-reports', allow('report.read'), inReach, async (req, res) => {
    res.json(await listReports(deps, req.query, reachOf(req), String(req.params.id)));
  });
  // Red reports for managers: ?red=true
  router.get('/api/monitoring-reports', allow('report.read'), async (req, res) => {
    res.json(await listReports(deps, req.query, reachOf(req)));
  });
  router.put('/api/users/:id/supervisor', allow('user.manage'), async (req, res) => {
    res.json(await setSupervisor(deps.db, String(req.params.id), req.body, currentUser(req).id, auditSource(req)));
  });
  router.post('/api/cases/:id/visits', allow('visit.log'), inReach, async (req, res) => {
    res.status(201).json(await logVisit(deps, String(req.params.id), req.body, currentUser(req), auditSource(req), idempotencyKeyOf(req)));
  });
  router.get('/api/obligations', allow('obligation.read'), async (req, res) => {
    res.json(await listObligations(deps.db, req.query, reachOf(req)));
  });
  router.get('/api/me/inbox', allow('obligation.read'), async (req, res) => {
    res.json(await inbox(deps.db, currentUser(req).id));
  });
  router.post('/api/obligations/:id/waive', allow('obligation.waive'), obligationInReach(deps.db), async (req, res) => {
    res.json(await waiveObligation(deps, String(req.params.id), req.body, currentUser(req).id, auditSource(req), idempotencyKeyOf(req)));
  });
  router.get('/api/me/worklist', allow('obligation.read'), async (req, res) => {
    res.json(await worklist(deps.db, currentUser(req).id, reachOf(req)));
  });
  return router;
}
