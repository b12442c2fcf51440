import type { Db } from './connection';

export async function insertVisit(
  db: Db,
  v: { id: string; caseId: string; assignmentId: string; visitorId: string; visitedAt: Date; kind: string; notes: string; attendees: number; followUps: string[] },
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
    })
    .execute();
}

export async function deleteVisit(db: Db, id: string) {
  await db.deleteFrom('visits').where('id', '=', id).execute();
}
