import { audited, duplicatesRepository, type Db } from '@kampung/db';
import { duplicateDecisionSchema, z } from '@kampung/domain';
import { audit, type AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';
import { personView } from '../households/households.service';
import { backgroundGateway, type BackgroundDeps } from '../temporal/background.gateway';

/** How long a request for detection waits for its result (394,000 people take some 10 s). */
const DETECTION_WAIT_MS = 120_000;

/** Looks for people who may be one person (exact NIK, a mistyped NIK, the same KK with a similar
 * name, a similar name in the same kelurahan) and puts new pairs in the review queue. Changes no
 * person: a merge is the reviewers' proposal and a manager's decision. The detection runs on the
 * worker (a workflow of a fixed id: a second request while one runs joins it); the answer waits for
 * its summary, or says it is still running when it takes longer than DETECTION_WAIT_MS. */
export async function findDuplicates(deps: { db: Db } & BackgroundDeps, by: { actorId: string } & AuditSource) {
  // The request is recorded here, with where it came from; the run's own entry (DUPLICATES_FOUND,
  // written on the worker) carries the same request id.
  await audit(deps.db, { action: 'DUPLICATE_RUN_REQUESTED', subjectType: 'duplicate_run', ...by });
  const summary = await backgroundGateway.detectDuplicates(deps, { actorId: by.actorId, requestId: by.requestId ?? null }, DETECTION_WAIT_MS);
  return summary ? { running: false, ...summary } : { running: true, people: null, candidates: null, new: null };
}

const statusQuery = z.object({ status: z.enum(['OPEN', 'MERGE_REQUESTED', 'MERGED', 'DISMISSED']).default('OPEN') }).strict();

export async function listDuplicates(db: Db, query: unknown) {
  const { status } = parseInput(statusQuery, query);
  const rows = await duplicatesRepository.listCandidates(db, status);
  const people = new Map((await duplicatesRepository.peopleWithHouseholds(db, rows.flatMap((r) => [r.person_a, r.person_b]))).map((p) => [p.id, p]));
  const side = (id: string) => {
    const p = people.get(id)!;
    return { ...personView(p), household: { id: p.household_id, kk: personView({ ...p, nik: p.kk }).nik, kelurahanName: p.kelurahan_name, rw: p.rw, rt: p.rt } };
  };
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    score: r.score,
    reasons: r.reasons,
    status: r.status,
    keepId: r.keep_id,
    a: side(r.person_a),
    b: side(r.person_b),
    requestedBy: r.requested_by ? { id: r.requested_by, name: r.requested_by_name ?? '' } : null,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
  }));
}

async function findCandidate(db: Db, id: string) {
  const candidate = isUuid(id) ? await duplicatesRepository.findCandidate(db, id) : undefined;
  if (!candidate) throw new AppError('NOT_FOUND', `No duplicate candidate ${id}`);
  return candidate;
}

/** A reviewer proposes a merge (naming the record that stays) or dismisses the pair. */
export async function decide(db: Db, id: string, input: unknown, user: SessionUser, source: AuditSource) {
  const decision = parseInput(duplicateDecisionSchema, input);
  const candidate = await findCandidate(db, id);
  if (candidate.status !== 'OPEN') throw new AppError('CONFLICT', `This pair is ${candidate.status}; only an open pair is decided`);
  if (decision.decision === 'MERGE' && decision.keepId !== candidate.person_a && decision.keepId !== candidate.person_b) {
    throw new AppError('VALIDATION_FAILED', 'The record that stays is one of the pair', [{ path: 'keepId', message: 'not one of the pair' }]);
  }
  const now = new Date();
  const change = decision.decision === 'MERGE'
    ? { status: 'MERGE_REQUESTED', keep_id: decision.keepId!, requested_by: user.id, requested_at: now }
    : { status: 'DISMISSED', decided_by: user.id, decided_at: now };
  await audited(
    db,
    { actorId: user.id, action: decision.decision === 'MERGE' ? 'MERGE_REQUESTED' : 'DUPLICATE_DISMISSED', subjectType: 'duplicate_candidate', subjectId: id, before: { status: 'OPEN' }, after: change, ...source },
    (trx) => duplicatesRepository.setCandidate(trx, id, change),
  );
  return { id, ...change };
}

/** A manager approves a requested merge: the merged record points to the one that stays, keeps its
 * own history, and its participations move over; all in one transaction with its audit entry. */
export async function approveMerge(db: Db, id: string, user: SessionUser, source: AuditSource) {
  const candidate = await findCandidate(db, id);
  if (candidate.status !== 'MERGE_REQUESTED' || !candidate.keep_id) throw new AppError('CONFLICT', `This pair is ${candidate.status}; only a requested merge is approved`);
  const keepId = candidate.keep_id;
  const mergedId = candidate.person_a === keepId ? candidate.person_b : candidate.person_a;
  await audited(
    db,
    (merged: Awaited<ReturnType<typeof duplicatesRepository.mergePersons>>) => ({
      actorId: user.id, action: 'MERGE_APPROVED', subjectType: 'person', subjectId: mergedId,
      before: { person: merged }, after: { mergedInto: keepId, quality: 'DUPLICATE', candidate: id }, ...source,
    }),
    async (trx) => {
      const merged = await duplicatesRepository.mergePersons(trx, keepId, mergedId);
      await duplicatesRepository.setCandidate(trx, id, { status: 'MERGED', decided_by: user.id, decided_at: new Date() });
      return merged;
    },
  );
  return { id, status: 'MERGED', keepId, mergedId };
}
