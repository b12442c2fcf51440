import { Router, type Request } from 'express';
import { usersRepository } from '@kampung/db';
import type { AppDeps } from '../app';
import { allow, currentUser, SESSION_COOKIE } from '../auth/auth.middleware';
import { hashToken } from '../auth/tokens';
import { auditSource } from '../audit/audit.service';
import { acceptInvitation, inviteUser } from './invitations.service';
import { changeAccount, changePassword, listAccounts, requestPasswordReset, resendInvitation } from './accounts.service';

const appUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** Accounts: admins invite colleagues and manage their roles and scope; a one-time link sets the
 * password (an invitation or a reset); everyone changes their own password. */
export function usersRouter(deps: AppDeps): Router {
  const router = Router();
  // Who can be picked (assignment, supervisor): active people, names and roles only.
  router.get('/api/users', allow('directory.read'), async (_req, res) => {
    res.json(
      (await usersRepository.listUsers(deps.db)).map((u) => ({ id: u.id, name: u.name, role: u.role, supervisorId: u.supervisor_id })),
    );
  });
  router.post('/api/users', allow('user.manage'), async (req, res) => {
    res.status(201).json(await inviteUser(deps.db, req.body, currentUser(req), appUrl(req), auditSource(req)));
  });
  router.get('/api/accounts', allow('user.manage'), async (req, res) => {
    res.json(await listAccounts(deps.db, currentUser(req)));
  });
  router.patch('/api/users/:id', allow('user.manage'), async (req, res) => {
    res.json(await changeAccount(deps.db, currentUser(req), String(req.params.id), req.body, auditSource(req)));
  });
  router.post('/api/users/:id/invitation', allow('user.manage'), async (req, res) => {
    res.json(await resendInvitation(deps.db, currentUser(req), String(req.params.id), appUrl(req), auditSource(req)));
  });
  router.post('/api/invitations/accept', async (req, res) => {
    await acceptInvitation(deps.db, req.body, auditSource(req));
    res.status(204).end();
  });
  router.post('/api/auth/password-reset-request', async (req, res) => {
    await requestPasswordReset(deps.db, req.body, appUrl(req), auditSource(req));
    res.status(202).end();
  });
  router.post('/api/auth/password', allow('account.self'), async (req, res) => {
    const user = currentUser(req);
    await changePassword(deps.db, user, req.body, hashToken(String(req.cookies?.[SESSION_COOKIE] ?? '')), auditSource(req));
    res.status(204).end();
  });
  return router;
}
