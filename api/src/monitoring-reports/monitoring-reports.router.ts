import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach } from '../cases/case-reach.middleware';
import { idempotencyKeyOf } from '../http/idempotency';
import { listReports, submitReport } from './monitoring-reports.service';

/** A case's monthly monitoring reports, and the red ones across cases for managers. */
export function monitoringReportsRouter(deps: AppDeps): Router {
  const router = Router();
  const inReach = caseInReach(deps.db);
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
  return router;
}
