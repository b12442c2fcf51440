import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow } from '../auth/auth.middleware';
import { listDeadLetters } from './mail.service';

/** Mail that could not be delivered, for the admins who manage accounts. */
export function mailRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/mail/dead-letters', allow('user.manage'), async (_req, res) => {
    res.json(await listDeadLetters(deps.db));
  });
  return router;
}
