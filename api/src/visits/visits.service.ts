import { assignmentsRepository, audited, casesRepository, visitPhotosRepository, visitsRepository, type Db } from '@kampung/db';
import { ROLE_REACH, visitRequestSchema, type Visit, type VisitLocation } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { nowOf, type CaseDeps } from '../cases/cases.service';
import { AppError } from '../errors';
import { actionId } from '../http/action-id';
import { parseInput } from '../http/validate';
import { gateway } from '../temporal/gateway';

/** Logs a visit: the record goes to PostgreSQL, then the assignment's cadence is asked (an Update)
 * to close its open obligation with it; the cadence writes the obligation's status and counts the
 * next one from the visit. A visit the cadence refuses is removed again and the refusal answered.
 * With an Idempotency-Key, a retry of the same action finds its visit and gets the first outcome.
 * Its evidence stays in PostgreSQL (the cadence is told only the visit's id and instant): the
 * location on the visit's row, and the photos it lists (uploaded before) taken by it in the same
 * transaction; a visit removed again gives its photos back (unattached) for the next attempt. */
export async function logVisit(
  deps: CaseDeps,
  caseId: string,
  input: unknown,
  user: SessionUser,
  source: AuditSource,
  idempotencyKey?: string,
) {
  const request = parseInput(visitRequestSchema, input);
  const assignment = await assignmentsRepository.findAssignment(deps.db, request.assignmentId);
  if (!assignment || assignment.case_id !== caseId) {
    throw new AppError('NOT_FOUND', `No assignment ${request.assignmentId} on case ${caseId}`);
  }
  // Mentors and architects log their own visits only; Dinas Sosial staff may log one for them.
  if (ROLE_REACH[user.role] === 'ASSIGNED' && assignment.user_id !== user.id) {
    throw new AppError('FORBIDDEN', 'You can log visits only on your own assignment');
  }
  const id = actionId(idempotencyKey, { userId: user.id, kind: 'visit' });
  const answer = (obligationId: string, visitedAt: Date, evidence: Pick<Visit, 'photoIds' | 'location'>): Visit =>
    ({ id, caseId, assignmentId: assignment.id, visitedAt: visitedAt.toISOString(), fulfilledObligationId: obligationId, ...evidence });
  const earlier = await visitsRepository.findVisit(deps.db, id);
  // The same action again after its answer was lost: the first outcome.
  if (earlier?.obligation_id) {
    return answer(earlier.obligation_id, earlier.visited_at, { photoIds: await visitPhotosRepository.photoIdsOfVisit(deps.db, id), location: storedLocation(earlier) });
  }

  if (assignment.ended_at) {
    throw new AppError('ASSIGNMENT_ENDED', `The assignment ended on ${assignment.ended_at.toISOString()}; log the visit on the current one`);
  }
  const kampung = await casesRepository.findCaseSummary(deps.db, caseId);
  if (kampung?.stage === 'ON_HOLD') {
    throw new AppError('CASE_ON_HOLD', `The case is on hold since ${kampung.stage_entered_at.toISOString()}; its visits wait for the resume`);
  }
  const visitedAt = new Date(request.visitedOn);
  if (visitedAt.getTime() > nowOf(deps).getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', 'A visit cannot be in the future', [{ path: 'visitedOn', message: 'in the future' }]);
  }

  const photoIds = request.photoIds ?? [];
  const location = request.location ? { ...request.location, capturedAt: new Date(request.location.capturedAt).toISOString() } : null;
  const entry = { actorId: user.id, subjectType: 'visit', subjectId: id, caseId, ...source };
  if (!earlier) {
    const after = {
      assignmentId: assignment.id,
      visitorId: assignment.user_id,
      visitedAt: visitedAt.toISOString(),
      kind: request.kind,
      attendees: request.attendees,
      notes: request.notes,
      followUps: request.followUps,
      photoIds,
      located: location !== null,
      location,
    };
    await audited(deps.db, { ...entry, action: 'VISIT_LOGGED', after }, async (trx) => {
      await visitsRepository.insertVisit(trx, {
        id,
        caseId,
        assignmentId: assignment.id,
        visitorId: assignment.user_id,
        visitedAt,
        kind: request.kind,
        notes: request.notes,
        attendees: request.attendees,
        followUps: request.followUps,
        location: location && { latitude: location.latitude, longitude: location.longitude, accuracyM: location.accuracyM ?? null, capturedAt: new Date(location.capturedAt) },
      });
      await attachPhotos(trx, { visitId: id, caseId, uploadedBy: user.id, photoIds });
    });
  }
  try {
    const { obligationId } = await gateway.logVisit(deps, assignment.id, { visitId: id, visitedAt: visitedAt.toISOString() });
    await visitsRepository.linkObligation(deps.db, id, obligationId);
    // A visit written by an earlier attempt keeps the evidence that attempt gave it.
    const evidence = earlier
      ? { photoIds: await visitPhotosRepository.photoIdsOfVisit(deps.db, id), location: storedLocation(earlier) }
      : { photoIds, location };
    return answer(obligationId, visitedAt, evidence);
  } catch (error) {
    // Refused, or no answer: the visit goes again, so nothing is left half-written; the same
    // action sent again (same key: same visit id and Update id) gets the outcome.
    await audited(deps.db, { ...entry, action: 'VISIT_UNDONE', reason: error instanceof AppError ? error.code : 'UNKNOWN' }, (trx) =>
      visitsRepository.deleteVisit(trx, id));
    throw error;
  }
}

/** The visit takes the photos it lists, in its own transaction: each must be one its person
 * uploaded to this case (else the request is invalid, naming photoIds) and no other visit's (else
 * PHOTO_ALREADY_ATTACHED). Either refusal rolls the visit back too. */
async function attachPhotos(trx: Db, a: { visitId: string; caseId: string; uploadedBy: string; photoIds: string[] }) {
  const attached = new Set(await visitPhotosRepository.attachToVisit(trx, a));
  const missing = a.photoIds.filter((photoId) => !attached.has(photoId));
  if (missing.length === 0) return;
  const found = new Map((await visitPhotosRepository.findPhotos(trx, missing)).map((p) => [p.id, p]));
  const notYours = missing.filter((photoId) => {
    const photo = found.get(photoId);
    return !photo || photo.case_id !== a.caseId || photo.uploaded_by !== a.uploadedBy;
  });
  if (notYours.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some photos were not uploaded by you to this case; upload them first', [
      { path: 'photoIds', message: `unknown photos: ${notYours.join(', ')}` },
    ]);
  }
  throw new AppError('PHOTO_ALREADY_ATTACHED', `Photos ${missing.join(', ')} belong to another visit; a photo goes with one visit only`);
}

/** The location a stored visit was logged with, as its answer gives it. */
function storedLocation(visit: { latitude: number | null; longitude: number | null; location_accuracy_m: number | null; location_captured_at: Date | null }): VisitLocation | null {
  if (visit.latitude === null || visit.longitude === null || !visit.location_captured_at) return null;
  return {
    latitude: visit.latitude,
    longitude: visit.longitude,
    ...(visit.location_accuracy_m === null ? {} : { accuracyM: visit.location_accuracy_m }),
    capturedAt: visit.location_captured_at.toISOString(),
  };
}
