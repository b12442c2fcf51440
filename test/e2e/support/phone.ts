import type { Browser, Page } from 'playwright-core';
import { APP_URL } from './e2e';

/** A phone as the issue measured it (390 × 844), in Indonesian and Jakarta time. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: APP_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}
