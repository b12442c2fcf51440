import { Router } from 'express';
import { activitiesRepository } from '@kampung/db';
import type { AppDeps } from '../app';
import { allow, currentUser, reachOf } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach } from '../cases/case-reach.middleware';
import { createActivity, enrolParticipants, listActivities, listResidents, recordAttendance, recordOutput } from './activities.service';

/** Implementation activities of a kampung: sessions, participants, attendance and outputs. */
export function activitiesRouter(deps: AppDeps): Router {
  const router = Router();
  const inReach = caseInReach(deps.db);
  router.get('/api/agencies', allow('reference.read'), async (_req, res) => {
    res.json((await activitiesRepository.listAgencies(deps.db)).map((a) => ({ code: a.code, name: a.name, kind: a.kind })));
  });
  router.get('/api/cases/:id/activities', allow('activity.read'), inReach, async (req, res) => {
    res.json(await listActivities(deps.db, String(req.params.id)));
  });
  router.post('/api/cases/:id/activities', allow('activity.manage'), inReach, async (req, res) => {
    res.status(201).json(await createActivity(deps.db, String(req.params.id), req.body, currentUser(req), auditSource(req)));
  });
  router.get('/api/cases/:id/residents', allow('activity.record'), inReach, async (req, res) => {
    res.json(await listResidents(deps.db, String(req.params.id), req.query));
  });
  router.post('/api/activities/:id/participants', allow('activity.record'), async (req, res) => {
    res.json(await enrolParticipants(deps.db, String(req.params.id), req.body, currentUser(req), reachOf(req), auditSource(req)));
  });
  router.put('/api/activities/:id/attendance', allow('activity.record'), async (req, res) => {
    res.json(await recordAttendance(deps.db, String(req.params.id), req.body, currentUser(req), reachOf(req), auditSource(req)));
  });
  router.post('/api/activities/:id/outputs', allow('activity.record'), async (req, res) => {
    res.json(await recordOutput(deps.db, String(req.params.id), req.body, currentUser(req), reachOf(req), auditSource(req)));
  });
  return router;
}
