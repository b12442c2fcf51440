import { mayTransition, type Stage } from '@kampung/domain';

/** The path and the valid move data the demo uses (tools/demo). */
export { FULL_PATH, validData } from '@kampung/tools/demo/stage-data';

/** Who makes a move in the tests: the admin, unless the policy gives it to others only (the
 * manager approves graduation and closure). */
export function moverOf<T>(from: Stage, to: Stage, admin: T, manager: T): T {
  return mayTransition('ADMIN', from, to) ? admin : manager;
}
