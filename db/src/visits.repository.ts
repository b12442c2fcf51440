import type { Db } from './connection';

export async function insertVisit(
  db: Db,
  v: {
    id: string;
    caseId: string;
    assignmentId: string;
    visitorId: string;
    visitedAt: Date;
    kind: string;
    notes: string;
    attendees: number;
    followUps: string[];
    location?: { latitude: number; longitude: number; accuracyM: number | null; capturedAt: Date } | null;
  },
) {
  await db
    .insertInto('visits')
    .values({
      id: v.id,
      case_id: v.caseId,
      assignment_id: v.assignmentId,
      visitor_id: v.visitorId,
      visited_at: v.visitedAt,
      kind: v.kind,
      notes: v.notes,
      attendees: v.attendees,
      follow_ups: JSON.stringify(v.followUps),
      latitude: v.location?.latitude ?? null,
      longitude: v.location?.longitude ?? null,
      location_accuracy_m: v.location?.accuracyM ?? null,
      location_captured_at: v.location?.capturedAt ?? null,
    })
    .execute();
}

export async function deleteVisit(db: Db, id: string) {
  await db.deleteFrom('visits').where('id', '=', id).execute();
}

export async function findVisit(db: Db, id: string) {
  return db
    .selectFrom('visits')
    .select(['id', 'case_id', 'assignment_id', 'visited_at', 'obligation_id', 'latitude', 'longitude', 'location_accuracy_m', 'location_captured_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The visit's link to the obligation it fulfilled (the fulfilment writes it too; a retried request
 * whose visit was written again after the fulfilment sets it here). */
export async function linkObligation(db: Db, id: string, obligationId: string) {
  await db.updateTable('visits').set({ obligation_id: obligationId }).where('id', '=', id).where('obligation_id', 'is', null).execute();
}

/** When the assignment's latest visits took place (latest last): a restarted cadence knows them. */
export async function recentVisitInstants(db: Db, assignmentId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('visits').select('visited_at').where('assignment_id', '=', assignmentId)
    .orderBy('visited_at', 'desc').limit(limit).execute();
  return rows.map((r) => r.visited_at.toISOString()).reverse();
}
