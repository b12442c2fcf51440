import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/http';

/** The server's password problems (`passwordProblems` in the domain), in the user's language. */
const PROBLEM_KEYS: Record<string, string> = {
  'at least 12 characters': 'password.problems.length',
  'must not contain your email or name': 'password.problems.personal',
  'too easy to guess': 'password.problems.common',
  'wrong password': 'password.wrongCurrent',
};

/** What the server said is wrong with the field at `path` of a password form, translated and
 * joined; undefined when nothing is. */
export function passwordFieldError(error: unknown, path: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return undefined;
  const messages = (error.problem.errors ?? [])
    .filter((e) => e.path === path)
    .map((e) => (PROBLEM_KEYS[e.message] ? t(PROBLEM_KEYS[e.message]!) : e.message));
  return messages.length > 0 ? messages.join(' ') : undefined;
}
