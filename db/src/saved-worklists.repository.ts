import type { Db } from './connection';

const COLUMNS = [
  'saved_worklists.id',
  'saved_worklists.name',
  'saved_worklists.target',
  'saved_worklists.visibility',
  'saved_worklists.filters',
  'saved_worklists.owner_id',
  'users.name as owner_name',
  'saved_worklists.created_at',
  'saved_worklists.updated_at',
] as const;

function withOwner(db: Db) {
  return db.selectFrom('saved_worklists').innerJoin('users', 'users.id', 'saved_worklists.owner_id').select(COLUMNS);
}

/** The user's own worklists and the ones colleagues share, by name. */
export async function listVisible(db: Db, userId: string, target?: string) {
  let q = withOwner(db).where((eb) => eb.or([eb('saved_worklists.owner_id', '=', userId), eb('saved_worklists.visibility', '=', 'SHARED')]));
  if (target) q = q.where('saved_worklists.target', '=', target);
  return q.orderBy('saved_worklists.name').orderBy('saved_worklists.id').execute();
}

export async function findById(db: Db, id: string) {
  return withOwner(db).where('saved_worklists.id', '=', id).executeTakeFirst();
}

export interface WorklistValues {
  id: string;
  ownerId: string;
  name: string;
  target: string;
  visibility: string;
  filters: Record<string, string>;
}

/** Inserts, or returns null when the owner already has a worklist of that name. */
export async function insert(db: Db, w: WorklistValues) {
  const row = await db
    .insertInto('saved_worklists')
    .values({ id: w.id, owner_id: w.ownerId, name: w.name, target: w.target, visibility: w.visibility, filters: JSON.stringify(w.filters) })
    .onConflict((oc) => oc.constraint('saved_worklists_owner_name_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? findById(db, row.id) : null;
}

export type UpdateResult = 'UPDATED' | 'NAME_TAKEN';

/** Changes the owner's worklist; a name another of the owner's worklists has is refused (by the
 * unique constraint, so two renames at once cannot both take it). */
export async function update(db: Db, w: WorklistValues): Promise<UpdateResult> {
  try {
    await db
      .updateTable('saved_worklists')
      .set({ name: w.name, target: w.target, visibility: w.visibility, filters: JSON.stringify(w.filters), updated_at: new Date() })
      .where('id', '=', w.id)
      .where('owner_id', '=', w.ownerId)
      .execute();
    return 'UPDATED';
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return 'NAME_TAKEN';
    throw error;
  }
}

export async function remove(db: Db, id: string, ownerId: string) {
  await db.deleteFrom('saved_worklists').where('id', '=', id).where('owner_id', '=', ownerId).execute();
}
