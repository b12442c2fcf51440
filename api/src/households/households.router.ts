import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { getHousehold, listHouseholds } from './households.service';
import { cancelImport, getImport, listImports, startImport } from './imports.service';

const background = (deps: AppDeps) => ({ db: deps.db, temporal: deps.temporal, backgroundTaskQueue: deps.config.BACKGROUND_TASK_QUEUE });

/** The one-data registry: households and their members, and imports of registry lists. */
export function householdsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/households', allow('household.read'), async (req, res) => {
    res.json(await listHouseholds(deps.db, req.query, reachOf(req)));
  });
  router.get('/api/households/:id', allow('household.read'), async (req, res) => {
    const unmask = req.query.unmask === 'true';
    res.json(await getHousehold(deps.db, String(req.params.id), currentUser(req), reachOf(req), { unmask, source: auditSource(req) }));
  });
  // The file is the body (CSV or XLSX, up to 100 MB: some 400,000 people), streamed to PostgreSQL
  // as it arrives, never parsed nor held whole here.
  router.post('/api/household-imports', allow('household.import'), async (req, res) => {
    const filename = typeof req.query.filename === 'string' && req.query.filename.trim() ? req.query.filename.trim().slice(0, 200) : 'daftar-rumah-tangga';
    const length = req.get('content-length');
    const upload = { body: req, filename, contentType: req.get('content-type') ?? '', contentLength: length === undefined ? null : Number(length) };
    res.status(202).json(await startImport(background(deps), upload, currentUser(req), auditSource(req)));
  });
  router.post('/api/household-imports/:id/cancel', allow('household.import'), async (req, res) => {
    res.json(await cancelImport(background(deps), String(req.params.id), currentUser(req), auditSource(req)));
  });
  router.get('/api/household-imports', allow('household.import'), async (_req, res) => {
    res.json(await listImports(deps.db));
  });
  router.get('/api/household-imports/:id', allow('household.import'), async (req, res) => {
    res.json(await getImport(deps.db, String(req.params.id)));
  });
  return router;
}
