import type { RequestHandler } from 'express';
import { canWrite } from '@kampung/domain';
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

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Please sign in first');
  next();
};

export const requireWriter: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Please sign in first');
  if (!canWrite(req.user.role)) throw new AppError('FORBIDDEN', 'Your role may read but not change cases');
  next();
};

export function currentUser(req: { user?: SessionUser }): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Please sign in first');
  return req.user;
}

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Please sign in first');
  if (req.user.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only a program admin may change this');
  next();
};
