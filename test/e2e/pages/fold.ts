import type { Locator } from 'playwright-core';

/** Opens a folded section of a page (a case's team or full timeline: folded at first on a phone,
 * the heading is its summary) unless it is open already. */
export async function unfold(section: Locator): Promise<void> {
  const fold = section.locator(':scope > details');
  const summary = fold.locator(':scope > summary');
  await summary.waitFor();
  if ((await fold.getAttribute('open')) === null) await summary.click();
  await fold.locator(':scope > summary + *').waitFor();
}
