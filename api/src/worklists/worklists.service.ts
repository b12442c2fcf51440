import { randomUUID } from 'node:crypto';
import { auditRepository, savedWorklistsRepository, type Db } from '@kampung/db';
import { savedWorklistRequestSchema, WORKLIST_TARGETS, z, type SavedWorklist, type SavedWorklistRequest, caseWorklistFiltersSchema, obligationWorklistFiltersSchema } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

type WorklistRow = NonNullable<Awaited<ReturnType<typeof savedWorklistsRepository.findById>>>;

const listQuerySchema = z.object({ target: z.enum(WORKLIST_TARGETS).optional() }).strict();

function rowToWorklist(row: WorklistRow, userId: string): SavedWorklist {
  return {
    id: row.id,
    name: row.name,
    target: row.target as SavedWorklist['target'],
    visibility: row.visibility as SavedWorklist['visibility'],
    filters: row.filters as unknown as Record<string, string>,
    owner: { id: row.owner_id, name: row.owner_name },
    mine: row.owner_id === userId,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What each list's query means when a filter is left out (its schema's defaults, e.g. the sort). */
const LIST_DEFAULTS: Record<SavedWorklistRequest['target'], Record<string, unknown>> = {
  cases: caseWorklistFiltersSchema.parse({}),
  obligations: obligationWorklistFiltersSchema.parse({}),
};

/** The filters as the list's URL carries them: strings, the list's defaults left out, so opening
 * the worklist is opening the list at `?<filters>`. */
function filtersAsQuery(request: SavedWorklistRequest): Record<string, string> {
  const defaults = LIST_DEFAULTS[request.target];
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.filters)) {
    if (value === undefined || value === defaults[key]) continue;
    query[key] = String(value);
  }
  return query;
}

function parseRequest(input: unknown): SavedWorklistRequest {
  return parseInput(savedWorklistRequestSchema, input);
}

/** What the audit log keeps of a worklist. */
const auditState = (w: { name: string; target: string; visibility: string; filters: Record<string, string> }) => ({
  name: w.name,
  target: w.target,
  visibility: w.visibility,
  filters: w.filters,
});

const nameTaken = (name: string) => new AppError('CONFLICT', `You already have a worklist named "${name}"`, [{ path: 'name', message: 'already used by another of your worklists' }]);

export async function listWorklists(db: Db, query: unknown, userId: string) {
  const { target } = parseInput(listQuerySchema, query);
  return (await savedWorklistsRepository.listVisible(db, userId, target)).map((r) => rowToWorklist(r, userId));
}

/** A worklist the user may see: their own or a shared one. Anyone else's private list does not exist for them. */
export async function getWorklist(db: Db, id: string, userId: string) {
  const row = isUuid(id) ? await savedWorklistsRepository.findById(db, id) : undefined;
  if (!row || (row.owner_id !== userId && row.visibility !== 'SHARED')) throw new AppError('NOT_FOUND', `No worklist ${id}`);
  return rowToWorklist(row, userId);
}

/** Saves a worklist and its audit entry in one transaction. */
export async function createWorklist(db: Db, input: unknown, userId: string, source: AuditSource = {}) {
  const request = parseRequest(input);
  const values = { id: randomUUID(), ownerId: userId, name: request.name, target: request.target, visibility: request.visibility, filters: filtersAsQuery(request) };
  const row = await db.transaction().execute(async (trx) => {
    const saved = await savedWorklistsRepository.insert(trx, values);
    if (!saved) throw nameTaken(request.name);
    await auditRepository.appendAudit(trx, { actorId: userId, action: 'WORKLIST_SAVED', subjectType: 'worklist', subjectId: values.id, after: auditState(values), ...source });
    return saved;
  });
  return rowToWorklist(row, userId);
}

async function ownWorklist(db: Db, id: string, userId: string) {
  const worklist = await getWorklist(db, id, userId);
  if (!worklist.mine) throw new AppError('FORBIDDEN', 'Only the owner may change or delete a worklist');
  return worklist;
}

export async function updateWorklist(db: Db, id: string, input: unknown, userId: string, source: AuditSource = {}) {
  const before = await ownWorklist(db, id, userId);
  const request = parseRequest(input);
  const values = { id, ownerId: userId, name: request.name, target: request.target, visibility: request.visibility, filters: filtersAsQuery(request) };
  await db.transaction().execute(async (trx) => {
    if ((await savedWorklistsRepository.update(trx, values)) === 'NAME_TAKEN') throw nameTaken(request.name);
    await auditRepository.appendAudit(trx, { actorId: userId, action: 'WORKLIST_CHANGED', subjectType: 'worklist', subjectId: id, before: auditState(before), after: auditState(values), ...source });
  });
  return getWorklist(db, id, userId);
}

export async function deleteWorklist(db: Db, id: string, userId: string, source: AuditSource = {}) {
  const before = await ownWorklist(db, id, userId);
  await db.transaction().execute(async (trx) => {
    await savedWorklistsRepository.remove(trx, id, userId);
    await auditRepository.appendAudit(trx, { actorId: userId, action: 'WORKLIST_DELETED', subjectType: 'worklist', subjectId: id, before: auditState(before), ...source });
  });
}
