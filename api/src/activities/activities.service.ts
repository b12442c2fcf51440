import { randomUUID } from 'node:crypto';
import { activitiesRepository, audited, casesRepository, householdsRepository, type Db } from '@kampung/db';
import {
  activityRequestSchema,
  attendanceRequestSchema,
  enrolmentRequestSchema,
  maskNik,
  outputRequestSchema,
  ROLE_REACH,
  z,
  type Activity,
  type CaseReach,
} from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { assertCaseInReach } from '../cases/cases.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';
import { personView } from '../households/households.service';

type Details = Awaited<ReturnType<typeof activitiesRepository.activityDetails>>;

function toViews(d: Details, unmasked: boolean): Activity[] {
  const nik = (value: string) => (unmasked ? value : maskNik(value));
  return d.activities.map((a) => ({
    id: a.id,
    caseId: a.case_id,
    caseName: a.case_name,
    agency: { code: a.agency_code, name: a.agency_name, kind: a.agency_kind },
    title: a.title,
    kind: a.kind as Activity['kind'],
    quota: a.quota,
    budget: Number(a.budget),
    budgetSource: a.budget_source as Activity['budgetSource'],
    sponsor: a.sponsor,
    sessions: d.sessions
      .filter((s) => s.activity_id === a.id)
      .map((s) => ({ id: s.id, seq: s.seq, date: s.date, topic: s.topic, present: Number(s.present), presentIds: s.present_ids })),
    participants: d.participants
      .filter((p) => p.activity_id === a.id)
      .map((p) => ({ id: p.id, name: p.name, nik: nik(p.nik), nikMasked: !unmasked, householdId: p.household_id, sessionsAttended: Number(p.attended) })),
    outputs: d.outputs
      .filter((o) => o.activity_id === a.id)
      .map((o) => ({ person: { id: o.id, name: o.name, nik: nik(o.nik), nikMasked: !unmasked, householdId: o.household_id }, kind: o.kind as Activity['outputs'][number]['kind'], note: o.note, recordedAt: o.recorded_at.toISOString() })),
    createdAt: a.created_at.toISOString(),
  }));
}

/** A case's activities (NIKs of participants masked). */
export async function listActivities(db: Db, caseId: string): Promise<Activity[]> {
  return toViews(await activitiesRepository.activityDetails(db, { caseId }), false);
}

async function activityView(db: Db, id: string): Promise<Activity> {
  return toViews(await activitiesRepository.activityDetails(db, { activityId: id }), false)[0]!;
}

/** An agency or partner runs an activity for a kampung in implementation. Agency staff add
 * activities of their own agency only. */
export async function createActivity(db: Db, caseId: string, input: unknown, user: SessionUser, source: AuditSource): Promise<Activity> {
  const request = parseInput(activityRequestSchema, input);
  const kampung = await casesRepository.findCaseSummary(db, caseId);
  if (kampung?.stage !== 'IMPLEMENTATION') {
    throw new AppError('CONFLICT', `Activities belong to a kampung in implementation; this one is in ${kampung?.stage ?? 'no stage'}`);
  }
  if (!(await activitiesRepository.findAgency(db, request.agencyCode))) {
    throw new AppError('VALIDATION_FAILED', 'No such agency', [{ path: 'agencyCode', message: 'unknown agency' }]);
  }
  if (ROLE_REACH[user.role] === 'AGENCY' && request.agencyCode !== user.agencyCode) {
    throw new AppError('FORBIDDEN', 'Agency staff add activities of their own agency only');
  }
  const id = randomUUID();
  await audited(
    db,
    { actorId: user.id, action: 'ACTIVITY_CREATED', subjectType: 'activity', subjectId: id, caseId, after: { ...request }, ...source },
    (trx) => activitiesRepository.insertActivity(trx, { id, caseId, ...request, createdBy: user.id }),
  );
  return activityView(db, id);
}

/** The activity, if its kampung is within the user's reach (else 404); agency staff act only on
 * their agency's activities (403). */
async function findActivityInReach(db: Db, id: string, user: SessionUser, reach: CaseReach) {
  const activity = isUuid(id) ? await activitiesRepository.findActivity(db, id) : undefined;
  if (!activity) throw new AppError('NOT_FOUND', `No activity ${id}`);
  await assertCaseInReach(db, activity.case_id, reach).catch(() => {
    throw new AppError('NOT_FOUND', `No activity ${id}`);
  });
  if (ROLE_REACH[user.role] === 'AGENCY' && activity.agency_code !== user.agencyCode) {
    throw new AppError('FORBIDDEN', "This is another agency's activity");
  }
  return activity;
}

/** Enrols people of the one-data registry, each once, up to the quota. */
export async function enrolParticipants(db: Db, id: string, input: unknown, user: SessionUser, reach: CaseReach, source: AuditSource): Promise<Activity> {
  const activity = await findActivityInReach(db, id, user, reach);
  const { personIds } = parseInput(enrolmentRequestSchema, input);
  const unique = [...new Set(personIds)];
  const found = await householdsRepository.activePersons(db, unique);
  const missing = unique.filter((p) => !found.has(p));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', 'Some people are not in the registry (or were merged into another record)', missing.map((p) => ({ path: 'personIds', message: `unknown person ${p}` })));
  }
  const already = await activitiesRepository.enrolledIds(db, id);
  const adding = unique.filter((p) => !already.has(p));
  if (already.size + adding.length > activity.quota) {
    throw new AppError('CONFLICT', `The quota is ${activity.quota}; ${already.size} are enrolled, ${adding.length} more would exceed it`);
  }
  if (adding.length) {
    await audited(
      db,
      { actorId: user.id, action: 'PARTICIPANTS_ENROLLED', subjectType: 'activity', subjectId: id, caseId: activity.case_id, after: { personIds: adding }, ...source },
      (trx) => activitiesRepository.enrol(trx, id, adding, user.id),
    );
  }
  return activityView(db, id);
}

export async function recordAttendance(db: Db, id: string, input: unknown, user: SessionUser, reach: CaseReach, source: AuditSource): Promise<Activity> {
  const activity = await findActivityInReach(db, id, user, reach);
  const { sessionId, records } = parseInput(attendanceRequestSchema, input);
  const session = await activitiesRepository.findSession(db, sessionId);
  if (!session || session.activity_id !== id) throw new AppError('VALIDATION_FAILED', 'No such session of this activity', [{ path: 'sessionId', message: 'not a session of this activity' }]);
  const enrolled = await activitiesRepository.enrolledIds(db, id);
  const strangers = records.filter((r) => !enrolled.has(r.personId));
  if (strangers.length) {
    throw new AppError('VALIDATION_FAILED', 'Attendance is taken of participants only', strangers.map((r) => ({ path: 'records', message: `not enrolled: ${r.personId}` })));
  }
  await audited(
    db,
    { actorId: user.id, action: 'ATTENDANCE_RECORDED', subjectType: 'activity_session', subjectId: sessionId, caseId: activity.case_id, after: { records }, ...source },
    (trx) => activitiesRepository.recordAttendance(trx, sessionId, records, user.id),
  );
  return activityView(db, id);
}

export async function recordOutput(db: Db, id: string, input: unknown, user: SessionUser, reach: CaseReach, source: AuditSource): Promise<Activity> {
  const activity = await findActivityInReach(db, id, user, reach);
  const output = parseInput(outputRequestSchema, input);
  if (!(await activitiesRepository.enrolledIds(db, id)).has(output.personId)) {
    throw new AppError('VALIDATION_FAILED', 'Outputs are recorded for participants only', [{ path: 'personId', message: 'not enrolled' }]);
  }
  await audited(
    db,
    (added: boolean) => (added ? { actorId: user.id, action: 'OUTPUT_RECORDED', subjectType: 'activity', subjectId: id, caseId: activity.case_id, after: output, ...source } : null),
    (trx) => activitiesRepository.recordOutput(trx, { activityId: id, ...output, by: user.id }),
  );
  return activityView(db, id);
}

const residentsQuery = z.object({ q: z.string().trim().min(2).max(100).optional() }).strict();

/** The people of a kampung's kelurahan, for enrolment: a name part or a whole NIK finds them; the
 * list shows NIKs masked. */
export async function listResidents(db: Db, caseId: string, query: unknown) {
  const { q } = parseInput(residentsQuery, query);
  const kampung = await casesRepository.findCaseSummary(db, caseId);
  if (!kampung) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  return (await householdsRepository.searchResidents(db, kampung.kelurahan_code, q)).map((p) => personView(p));
}
