import { Router, type Response } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { AppError } from '../errors';
import { audit, auditSource } from '../audit/audit.service';
import { loginRequestSchema } from '@kampung/domain';
import type { AppDeps } from '../app';
import { parseInput } from '../http/validate';
import { allow, currentUser, SESSION_COOKIE, sessionCookieOptions } from './auth.middleware';
import { PostgresAddressLimitStore } from './address-limit.store';
import { CSRF_COOKIE, setCsrfCookie } from './csrf';
import { LoginLockedError, login, logout, logoutEverywhere, toMe } from './sessions.service';

export function authRouter({ db, config }: AppDeps): Router {
  const router = Router();
  const cookieOptions = sessionCookieOptions(config);
  const signOut = (res: Response) => {
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.clearCookie(CSRF_COOKIE, { ...cookieOptions, httpOnly: false });
  };

  // Beside the per-account lockout: one address guessing across many emails is slowed down too.
  // Only failures count, so a busy office behind one address signs in freely. Counted in
  // PostgreSQL, so that API replicas behind one load balancer share one count per address.
  const addressLimit = rateLimit({
    windowMs: config.LOGIN_IP_WINDOW_SECONDS * 1000,
    store: new PostgresAddressLimitStore(db, config.LOGIN_IP_WINDOW_SECONDS * 1000),
    limit: config.LOGIN_IP_MAX_FAILURES,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res, next) => {
      const resetTime = (req as typeof req & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : config.LOGIN_IP_WINDOW_SECONDS;
      res.set('Retry-After', String(seconds));
      next(new AppError('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins from this address; try again later.'));
    },
  });

  router.post('/api/auth/login', addressLimit, async (req, res) => {
    const body = parseInput(loginRequestSchema, req.body);
    const lockout = {
      maxFailures: config.LOGIN_MAX_FAILURES,
      windowMs: config.LOGIN_FAILURE_WINDOW_SECONDS * 1000,
      lockMs: config.LOGIN_LOCK_SECONDS * 1000,
    };
    const session = await login(db, body.email, body.password, { ttlHours: config.SESSION_TTL_HOURS, lockout, source: auditSource(req) }).catch((error: unknown) => {
      if (error instanceof LoginLockedError) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
    setCsrfCookie(res, session.token, { ...cookieOptions, expires: session.expiresAt });
    res.json(toMe(session.user));
  });

  router.post('/api/auth/logout', async (req, res) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) await logout(db, token);
    if (req.user) await audit(db, { actorId: req.user.id, action: 'LOGOUT', subjectType: 'user', subjectId: req.user.id, ...auditSource(req) });
    signOut(res);
    res.status(204).end();
  });

  // Signs the user out on every device (a lost phone, a shared computer).
  router.post('/api/auth/logout-everywhere', allow('account.self'), async (req, res) => {
    const ended = await logoutEverywhere(db, currentUser(req).id);
    await audit(db, { actorId: currentUser(req).id, action: 'LOGOUT_EVERYWHERE', subjectType: 'user', subjectId: currentUser(req).id, after: { sessionsEnded: ended }, ...auditSource(req) });
    signOut(res);
    res.status(204).end();
  });

  router.get('/api/me', allow('account.self'), (req, res) => {
    res.json(toMe(currentUser(req)));
  });
  return router;
}
