import { mayTransition, type Stage } from '@kampung/domain';
import { demoStageData } from '@kampung/api/src/demo/stage-data';

/** Valid data for a move, the same the demo uses. */
export function validData(from: Stage, to: Stage): Record<string, unknown> {
  return demoStageData(from, to, 1);
}

export const FULL_PATH: Stage[] = [
  'SURVEY', 'VERIFICATION', 'DESIGNATION', 'ENGAGEMENT', 'ASSESSMENT', 'PLANNING',
  'ACTION_PLAN', 'IMPLEMENTATION', 'EVALUATION', 'GRADUATED', 'CLOSED',
];

/** Who makes a move in the tests: the admin, unless the policy gives it to others only (the
 * manager approves graduation and closure). */
export function moverOf<T>(from: Stage, to: Stage, admin: T, manager: T): T {
  return mayTransition('ADMIN', from, to) ? admin : manager;
}
