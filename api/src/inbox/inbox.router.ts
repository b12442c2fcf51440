import { Router } from 'express';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { inbox, markDone, markRead, unreadCount } from './inbox.service';

/** The signed-in user's inbox: its items, how many are unread, and the user's own read and done
 * marks. Only the user's own items: another user's item is not found (404). */
export function inboxRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/me/inbox', allow('obligation.read'), async (req, res) => {
    res.json(await inbox(deps.db, currentUser(req).id, req.query));
  });
  router.get('/api/me/inbox/unread-count', allow('obligation.read'), async (req, res) => {
    res.json(await unreadCount(deps.db, currentUser(req).id));
  });
  router.post('/api/me/inbox/:id/read', allow('obligation.read'), async (req, res) => {
    res.json(await markRead(deps.db, currentUser(req).id, String(req.params.id)));
  });
  router.post('/api/me/inbox/:id/done', allow('obligation.read'), async (req, res) => {
    res.json(await markDone(deps.db, currentUser(req).id, String(req.params.id), true));
  });
  router.delete('/api/me/inbox/:id/done', allow('obligation.read'), async (req, res) => {
    res.json(await markDone(deps.db, currentUser(req).id, String(req.params.id), false));
  });
  return router;
}
