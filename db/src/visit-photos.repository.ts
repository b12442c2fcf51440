import type { Db } from './connection';

export interface NewVisitPhoto {
  id: string;
  caseId: string;
  uploadedBy: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  takenAt: Date | null;
}

/** Records an uploaded photo, unattached, once per id: false when the id was recorded already (by
 * an earlier or a concurrent upload; the caller compares what is stored). */
export async function insertPhoto(db: Db, p: NewVisitPhoto): Promise<boolean> {
  const inserted = await db
    .insertInto('visit_photos')
    .values({
      id: p.id,
      case_id: p.caseId,
      uploaded_by: p.uploadedBy,
      content_type: p.contentType,
      size_bytes: p.sizeBytes,
      sha256: p.sha256,
      storage_key: p.storageKey,
      taken_at: p.takenAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findPhoto(db: Db, id: string) {
  return db.selectFrom('visit_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The visit takes the photos listed (in the visit's own transaction): only photos of its case,
 * uploaded by `uploadedBy`, not another visit's. Returns the ids it holds now; the caller compares
 * them with the list to say why any is missing. A concurrent visit listing the same photo waits on
 * its row lock here and then finds it taken. */
export async function attachToVisit(db: Db, a: { visitId: string; caseId: string; uploadedBy: string; photoIds: string[] }): Promise<string[]> {
  if (a.photoIds.length === 0) return [];
  const rows = await db
    .updateTable('visit_photos')
    .set({ visit_id: a.visitId })
    .where('id', 'in', a.photoIds)
    .where('case_id', '=', a.caseId)
    .where('uploaded_by', '=', a.uploadedBy)
    .where((eb) => eb.or([eb('visit_id', 'is', null), eb('visit_id', '=', a.visitId)]))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Who holds each of these photos, for the reason a visit could not take them. */
export async function findPhotos(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('visit_photos').select(['id', 'case_id', 'uploaded_by', 'visit_id']).where('id', 'in', ids).execute();
}

/** A visit's photos, in the order they were uploaded. */
export async function photoIdsOfVisit(db: Db, visitId: string): Promise<string[]> {
  const rows = await db.selectFrom('visit_photos').select('id').where('visit_id', '=', visitId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}
