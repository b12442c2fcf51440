import type { Client } from '@temporalio/client';
import { casesRepository, type Db } from '@kampung/db';
import type { CaseActivities, CaseObligationActivities, MailActivities, ObligationActivities, ReconcilerActivities } from '@kampung/workflows';
import { createCaseObligationActivities } from './case-obligations';
import { createObligationActivities } from './obligations';
import { createMailActivities, type MailDeps } from './mail';
import { createReconcilerActivities } from './reconciler';
import { createStageNotifications } from './stage-notifications';

export interface ActivityDeps {
  db: Db;
  /** For the activities that signal other workflows. */
  temporal: Client;
  taskQueue: string;
  /** SMTP for the mail activities (absent in workers that never send mail, e.g. the simulation's). */
  mail?: MailDeps;
}

/** Activities are thin: each calls repository functions that are safe to repeat. */
export function createActivities(deps: ActivityDeps): CaseActivities & ObligationActivities & CaseObligationActivities & ReconcilerActivities & MailActivities {
  return {
    async recordTransition(input) {
      await casesRepository.recordTransition(deps.db, input);
    },
    ...createStageNotifications(deps),
    ...createObligationActivities(deps),
    ...createCaseObligationActivities(deps),
    ...createReconcilerActivities(deps),
    ...createMailActivities(deps),
  };
}
