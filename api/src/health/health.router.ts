import { Router } from 'express';
import { sql } from 'kysely';
import { reconciliationRepository } from '@kampung/db';
import type { AppDeps } from '../app';

async function check(run: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await Promise.race([run(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** 200 only when PostgreSQL and Temporal both answer; the body names each check. */
export function healthRouter({ db, temporal }: AppDeps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const [postgres, temporalCheck] = await Promise.all([
      check(() => sql`select 1`.execute(db)),
      check(() => temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const ok = postgres.ok && temporalCheck.ok;
    // The reconciler's last pass: what it could not repair waits in the admins' inbox.
    const pass = postgres.ok ? await reconciliationRepository.lastPass(db).catch(() => undefined) : undefined;
    const reconciliation = pass
      ? { lastPassAt: pass.finished_at!.toISOString(), casesChecked: pass.cases_checked, repaired: pass.repaired, unrepaired: pass.reported }
      : null;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: { postgres, temporal: temporalCheck }, reconciliation });
  });
  return router;
}
