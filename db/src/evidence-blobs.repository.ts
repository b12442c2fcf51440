import type { Db } from './connection';

/** The bytes of evidence (visit photos) kept in PostgreSQL, by storage key: the default evidence
 * store. Writing a key again replaces its bytes, as an object store does. */
export async function putBlob(db: Db, key: string, bytes: Buffer, contentType: string) {
  await db
    .insertInto('evidence_blobs')
    .values({ key, bytes, content_type: contentType })
    .onConflict((oc) => oc.column('key').doUpdateSet({ bytes, content_type: contentType }))
    .execute();
}

export async function findBlob(db: Db, key: string) {
  return db.selectFrom('evidence_blobs').select(['bytes', 'content_type']).where('key', '=', key).executeTakeFirst();
}

export async function deleteBlob(db: Db, key: string) {
  await db.deleteFrom('evidence_blobs').where('key', '=', key).execute();
}
