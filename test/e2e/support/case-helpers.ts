/** Helpers the case-page e2e tests share: the "Pindah ke tahap…" menu and a case proposed through the API. */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { proposal } from '@kampung/tools/client/api-client';
import { Api, eventually } from './e2e';

export function moveMenu(page: Page): Locator {
  return page.locator('details', { has: page.locator('summary', { hasText: 'Pindah ke tahap…' }) });
}

export async function openMoveMenu(page: Page): Promise<Locator> {
  const menu = moveMenu(page);
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return menu;
}

/** Proposes a kampung through the API; while the workflow service warms up (503), asks again. */
export async function seedCase(api: Api, name: string): Promise<string> {
  const created = await eventually(async () => {
    const answer = await api.call<{ id: string }>('POST', '/api/cases', proposal({ name }));
    assert.notEqual(answer.status, 503, 'the workflow service answers');
    return answer;
  }, 60_000);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}
