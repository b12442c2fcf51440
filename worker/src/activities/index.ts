import type { Client } from '@temporalio/client';
import { casesRepository, type Db } from '@kampung/db';
import type { CaseActivities, CaseObligationActivities, ObligationActivities, ReconcilerActivities } from '@kampung/workflows';
import { createCaseObligationActivities } from './case-obligations';
import { createObligationActivities } from './obligations';
import { createReconcilerActivities } from './reconciler';
import { createStageNotifications } from './stage-notifications';

export interface ActivityDeps {
  db: Db;
  /** For the activities that signal other workflows. */
  temporal: Client;
  taskQueue: string;
}

/** Activities are thin: each calls repository functions that are safe to repeat. */
export function createActivities(deps: ActivityDeps): CaseActivities & ObligationActivities & CaseObligationActivities & ReconcilerActivities {
  return {
    async recordTransition(input) {
      await casesRepository.recordTransition(deps.db, input);
    },
    ...createStageNotifications(deps),
    ...createObligationActivities(deps),
    ...createCaseObligationActivities(deps),
    ...createReconcilerActivities(deps),
  };
}
