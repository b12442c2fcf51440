import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Me } from '@kampung/domain/auth';
import { QueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/api/auth.queries';
import { obligationKeys } from '../obligations/api/obligations.queries';
import { keepQueriesOnDevice } from './kept-queries';

/** A device's localStorage, one per test. */
function deviceStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const mentor = { id: 'mentor-1', name: 'Ahmad Fauzi', role: 'MENTOR' } as unknown as Me;
const other = { id: 'mentor-2', name: 'Siti Aminah', role: 'MENTOR' } as unknown as Me;
const worklist = { escalated: [], overdue: [{ id: 'o-1', caseName: 'Kampung Grenpul' }], dueThisWeek: [] };
const ANSWERED_AT = Date.parse('2026-12-03T07:20:00Z');

/** A page load: what the device kept is shown before the first render, and kept again after it. */
function openPage(storage: ReturnType<typeof deviceStorage>) {
  const page = new QueryClient();
  const restored = keepQueriesOnDevice(page, storage);
  return { page, restored };
}

/** A first visit: the person signs in and the worklist is read; the page is then closed. */
function firstVisit(storage: ReturnType<typeof deviceStorage>, me: Me | null = mentor) {
  const { page } = openPage(storage);
  page.setQueryData(authKeys.me(), me);
  if (me) page.setQueryData(obligationKeys.worklist(), worklist, { updatedAt: ANSWERED_AT });
  page.clear();
}

describe('what a repeat visit shows at once from the device', () => {
  test('when a mentor comes back, then the session and the worklist are there before any request, with the time the server gave the worklist', () => {
    const storage = deviceStorage();
    firstVisit(storage);
    const { page, restored } = openPage(storage);
    assert.deepEqual(restored, mentor);
    assert.deepEqual(page.getQueryData(authKeys.me()), mentor);
    assert.deepEqual(page.getQueryData(obligationKeys.worklist()), worklist);
    assert.equal(page.getQueryState(obligationKeys.worklist())?.dataUpdatedAt, ANSWERED_AT, '"Data per …" tells the age of the kept copy');
  });

  test('when nothing is kept (a first visit), then nothing is shown before the server answers', () => {
    const { page, restored } = openPage(deviceStorage());
    assert.equal(restored, undefined);
    assert.equal(page.getQueryData(authKeys.me()), undefined);
  });

  test('when the server says the session ended, then the kept worklist leaves the page and the device, and the next visit shows the sign-in form at once', () => {
    const storage = deviceStorage();
    firstVisit(storage);
    const { page } = openPage(storage);
    page.setQueryData(authKeys.me(), null);
    assert.equal(page.getQueryData(obligationKeys.worklist()), undefined);
    const { page: next, restored } = openPage(storage);
    assert.equal(restored, null, 'signed out, as last known');
    assert.equal(next.getQueryData(obligationKeys.worklist()), undefined);
  });

  test('when someone else signs in on the device, then the worklist of the one before is not shown to them, now or on the next visit', () => {
    const storage = deviceStorage();
    firstVisit(storage);
    const { page } = openPage(storage);
    page.setQueryData(authKeys.me(), other);
    assert.equal(page.getQueryData(obligationKeys.worklist()), undefined);
    const { page: next, restored } = openPage(storage);
    assert.deepEqual(restored, other);
    assert.equal(next.getQueryData(obligationKeys.worklist()), undefined);
  });

  test('when the same person is asked about again, then their kept worklist stays', () => {
    const storage = deviceStorage();
    firstVisit(storage);
    const { page } = openPage(storage);
    page.setQueryData(authKeys.me(), { ...mentor });
    assert.deepEqual(page.getQueryData(obligationKeys.worklist()), worklist);
  });

  test('when the storage holds something unreadable, then the page asks the server as on a first visit', () => {
    const storage = deviceStorage();
    storage.setItem('kampung.kept', '{not json');
    assert.equal(openPage(storage).restored, undefined);
  });
});
