import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, lockedUntil, type LoginFailureState } from './login-lockout';

const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, s));

test('the failure that reaches the limit within the window locks the account for the lock time', () => {
  let state: LoginFailureState | undefined;
  for (const s of [0, 10, 20]) state = afterFailure(state, at(s), policy);
  assert.deepEqual(state, { failures: 3, windowStartedAt: at(0), lockedUntil: new Date(at(20).getTime() + 120_000) });
  assert.deepEqual(lockedUntil(state, at(21)), new Date(at(20).getTime() + 120_000), 'locked');
  assert.equal(lockedUntil(state, new Date(at(20).getTime() + 120_000)), null, 'the lock ends');
});

test('failures spread beyond the window do not lock; after a lock ends, counting starts again', () => {
  let state: LoginFailureState | undefined;
  for (const s of [0, 30, 61, 90]) state = afterFailure(state, at(s), policy);
  assert.deepEqual([state?.failures, state?.lockedUntil], [2, null], 'a new window from 61 s');
  state = afterFailure(state, at(100), policy);
  assert.ok(state.lockedUntil, 'three within the window from 61 s lock');
  const after = afterFailure(state, new Date(state.lockedUntil.getTime() + 1), policy);
  assert.deepEqual([after.failures, after.lockedUntil], [1, null], 'one failure after the lock does not lock again');
});
