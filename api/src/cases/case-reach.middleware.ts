import type { RequestHandler } from 'express';
import { obligationsRepository, type Db } from '@kampung/db';
import { AppError } from '../errors';
import { isUuid } from '../http/validate';
import { reachOf } from '../auth/auth.middleware';
import { assertCaseInReach } from './cases.service';

/** For routes under /api/cases/:id: 404 unless the case is within the user's reach, before the
 * request's body is even judged, so that nothing tells an out-of-reach case exists. */
export function caseInReach(db: Db): RequestHandler {
  return async (req, _res, next) => {
    await assertCaseInReach(db, String(req.params.id), reachOf(req));
    next();
  };
}

/** For routes under /api/obligations/:id: the obligation's case must be within reach. */
export function obligationInReach(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const id = String(req.params.id);
    const obligation = isUuid(id) ? await obligationsRepository.findObligation(db, id) : undefined;
    if (!obligation) throw new AppError('NOT_FOUND', `No obligation ${id}`);
    await assertCaseInReach(db, obligation.case_id, reachOf(req)).catch(() => {
      throw new AppError('NOT_FOUND', `No obligation ${id}`);
    });
    next();
  };
}
