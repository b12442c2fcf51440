import type { RequestHandler } from 'express';
import { caseReach, may, type Action, type CaseReach } from '@kampung/domain';
import type { Db } from '@kampung/db';
import { AppError } from '../errors';
import { userForToken, type SessionUser } from './sessions.service';

export const SESSION_COOKIE = 'kampung_session';

/** The session cookie: HttpOnly, SameSite, Secure in production. */
export function sessionCookieOptions(config: { NODE_ENV: string }) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.NODE_ENV === 'production', path: '/' };
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

export function authenticate(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) req.user = await userForToken(db, token);
    next();
  };
}

/** Only roles that PERMISSIONS allows the action: 401 without a session, 403 for other roles. Where
 * the action concerns a case, its service also checks the case is within the user's reach. */
export function allow(action: Action): RequestHandler {
  return (req, _res, next) => {
    const user = currentUser(req);
    if (!may(user.role, action)) throw new AppError('FORBIDDEN', `Your role (${user.role}) may not do this (${action})`);
    next();
  };
}

export function currentUser(req: { user?: SessionUser }): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Please sign in first');
  return req.user;
}

/** The cases the signed-in user may see. */
export function reachOf(req: { user?: SessionUser }): CaseReach {
  return caseReach(currentUser(req));
}
