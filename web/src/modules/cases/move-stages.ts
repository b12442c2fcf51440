import { transitionDataSchema } from '@kampung/domain';
import { mayTransition, type UserRole } from '@kampung/domain/access';
import type { CaseDetail } from '@kampung/domain/case-views';
import type { Stage } from '@kampung/domain/stages';

/** The stages a role may move a case to from this form: those the case's workflow allows now
 * (`allowedTransitions`), that the role may make (TRANSITION_POLICY), and that need no stage data
 * (a move with data has its own form under "Langkah berikutnya"). */
export function movableStages(detail: Pick<CaseDetail, 'stage' | 'allowedTransitions'>, role: UserRole): Stage[] {
  return detail.allowedTransitions.filter(
    (stage) => mayTransition(role, detail.stage, stage) && transitionDataSchema(detail.stage, stage).safeParse({}).success,
  );
}

