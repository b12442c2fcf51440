import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUser, requireAdmin } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { acceptInvitation, inviteUser } from './invitations.service';

/** Accounts: admins invite colleagues; an invitation's link sets the password once. */
export function usersRouter(deps: AppDeps): Router {
  const router = Router();
  router.post('/api/users', requireAdmin, async (req, res) => {
    const appUrl = `${req.protocol}://${req.get('host')}`;
    res.status(201).json(await inviteUser(deps.db, req.body, currentUser(req).id, appUrl, auditSource(req)));
  });
  router.post('/api/invitations/accept', async (req, res) => {
    await acceptInvitation(deps.db, req.body, auditSource(req));
    res.status(204).end();
  });
  return router;
}
