/** Temporary lockout after repeated failed sign-ins to one account (by email, known or not, so the
 * answer does not tell whether an account exists). Pure: the API keeps the state in PostgreSQL. */
export interface LoginLockoutPolicy {
  /** Failures within the window that lock the account… */
  maxFailures: number;
  windowMs: number;
  /** …for this long. */
  lockMs: number;
}

export const DEFAULT_LOGIN_LOCKOUT: LoginLockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface LoginFailureState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** Until when sign-in is refused without looking at the password, or null. */
export function lockedUntil(state: LoginFailureState | undefined, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The state after one more failure: a new window once the last one has passed (or a lock ended);
 * the failure that reaches the limit locks. */
export function afterFailure(state: LoginFailureState | undefined, now: Date, policy: LoginLockoutPolicy): LoginFailureState {
  const windowOver = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now : state.windowStartedAt;
  return { failures, windowStartedAt, lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null };
}
