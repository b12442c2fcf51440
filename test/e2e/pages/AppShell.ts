import type { Locator, Page } from 'playwright-core';

/** The frame around every page: the header with its navigation, and a field role's bottom bar on a phone. */
export class AppShell {
  constructor(private readonly page: Page) {}

  readonly header = () => this.page.locator('header.app-header');
  /** The header's list of pages (hidden on a phone for a mentor or architect). */
  readonly topNav = () => this.header().getByRole('navigation', { name: 'Navigasi utama' });
  /** The bar at the bottom of a phone's screen, for a mentor or architect. */
  readonly bottomNav = () => this.page.getByTestId('field-nav');

  bottomLink(name: string): Locator {
    return this.bottomNav().getByRole('link', { name, exact: true });
  }

  /** Where the bottom bar begins, from the top of the screen (px). */
  async bottomNavTop(): Promise<number> {
    const box = await this.bottomNav().boundingBox();
    if (!box) throw new Error('the bottom bar is not shown');
    return box.y;
  }
}
