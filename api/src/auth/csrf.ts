import { createHash, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, RequestHandler, Response } from 'express';
import { AppError } from '../errors';

/** Cross-site request forgery protection for cookie-authenticated writes: the API sets a readable
 * cookie with a token derived from the (HttpOnly) session token, and every write must echo it in a
 * header. Another site can make the browser send the cookies, but cannot read one to copy it. */
export const CSRF_COOKIE = 'kampung_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in needs no token: there is no session yet (and the session cookie is SameSite). */
const EXEMPT_PATHS = new Set(['/api/auth/login']);

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

export function setCsrfCookie(res: Response, sessionToken: string, options: CookieOptions) {
  res.cookie(CSRF_COOKIE, csrfTokenFor(sessionToken), { ...options, httpOnly: false });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** After `authenticate`: a signed-in request gets its token cookie if it lacks it (sessions from
 * before this check), and a write must carry the token in the `x-csrf-token` header (403 without). */
export function csrfProtection(sessionCookie: string, cookieOptions: CookieOptions): RequestHandler {
  return (req, res, next) => {
    const session = req.cookies?.[sessionCookie];
    if (!req.user || typeof session !== 'string' || !session) return next();
    const expected = csrfTokenFor(session);
    if (req.cookies?.[CSRF_COOKIE] !== expected) setCsrfCookie(res, session, cookieOptions);
    if (SAFE_METHODS.has(req.method) || EXEMPT_PATHS.has(req.originalUrl.split('?')[0]!)) return next();
    const given = req.get(CSRF_HEADER);
    if (!given || !sameToken(given, expected)) {
      throw new AppError('FORBIDDEN', `A write needs the ${CSRF_HEADER} header with the token of the ${CSRF_COOKIE} cookie; reload the page and try again`);
    }
    next();
  };
}
