import { audited, usersRepository, type Db } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import { supervisorRequestSchema } from '@kampung/domain';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';

/** Who an assignee's escalations reach first (the program's managers hear of them too). */
export async function setSupervisor(db: Db, userId: string, input: unknown, actorId: string, source: AuditSource) {
  const { supervisorId } = parseInput(supervisorRequestSchema, input);
  const user = isUuid(userId) ? await usersRepository.findUserById(db, userId) : undefined;
  if (!user) throw new AppError('NOT_FOUND', `No user ${userId}`);
  if (supervisorId !== null) {
    if (supervisorId === userId) {
      throw new AppError('VALIDATION_FAILED', 'Nobody supervises themselves', [{ path: 'supervisorId', message: 'same person' }]);
    }
    if (!(await usersRepository.findUserById(db, supervisorId))) {
      throw new AppError('VALIDATION_FAILED', 'No such user', [{ path: 'supervisorId', message: 'unknown user' }]);
    }
  }
  await audited(
    db,
    { actorId, action: 'SUPERVISOR_CHANGED', subjectType: 'user', subjectId: userId, before: { supervisorId: user.supervisor_id }, after: { supervisorId }, ...source },
    (trx) => usersRepository.setSupervisor(trx, userId, supervisorId),
  );
  return { id: userId, supervisorId };
}
