import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { caseInReach } from '../cases/case-reach.middleware';
import { assertWholeLogReader, auditSource, exportAudit, listAudit } from './audit.service';

/** The audit log: the whole of it for auditors and admins without limits, a case's own for those
 * who may read that case's log. Each as a page or as CSV/XLSX. */
export function auditRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/audit', allow('audit.read'), async (req, res) => {
    assertWholeLogReader(reachOf(req));
    res.json(await listAudit(deps.db, req.query));
  });
  router.get('/api/audit/export', allow('audit.read'), async (req, res) => {
    assertWholeLogReader(reachOf(req));
    await exportAudit(deps.db, res, req.query as Record<string, unknown>, { userId: currentUser(req).id, source: auditSource(req) });
  });
  router.get('/api/cases/:id/audit', allow('case.audit'), caseInReach(deps.db), async (req, res) => {
    res.json(await listAudit(deps.db, req.query, String(req.params.id)));
  });
  router.get('/api/cases/:id/audit/export', allow('case.audit'), caseInReach(deps.db), async (req, res) => {
    const caseId = String(req.params.id);
    await exportAudit(deps.db, res, req.query as Record<string, unknown>, { userId: currentUser(req).id, source: auditSource(req) }, caseId);
  });
  return router;
}
