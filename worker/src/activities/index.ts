import { casesRepository, type Db } from '@kampung/db';
import type { CaseActivities } from '@kampung/workflows';

export interface ActivityDeps {
  db: Db;
}

/** Activities are thin: each calls one repository function that is safe to repeat. */
export function createActivities({ db }: ActivityDeps): CaseActivities {
  return {
    async recordTransition(input) {
      await casesRepository.recordTransition(db, input);
    },
  };
}
