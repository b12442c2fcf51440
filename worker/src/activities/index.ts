import { casesRepository, type Db } from '@kampung/db';
import type { CaseActivities, ObligationActivities } from '@kampung/workflows';
import { createObligationActivities } from './obligations';

export interface ActivityDeps {
  db: Db;
}

/** Activities are thin: each calls repository functions that are safe to repeat. */
export function createActivities({ db }: ActivityDeps): CaseActivities & ObligationActivities {
  return {
    async recordTransition(input) {
      await casesRepository.recordTransition(db, input);
    },
    ...createObligationActivities({ db }),
  };
}
