/**
 * Shared support for the browser tests in `test/e2e/*.e2e.test.ts`.
 *
 * `npm test` starts a throwaway stack and passes it in through the environment:
 * APP_URL (the API serving the built web) and the E2E_* demo credentials.
 * Without APP_URL the tests skip themselves (see `SKIP_WITHOUT_APP`).
 *
 * What lives here: the environment, a seeding API client, a retry helper, the Chromium
 * launch, signed-in pages (desk or phone), a screenshot on failure, and the phone layout check.
 * Page objects stay in `../pages/`.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CaseListPage } from '../pages/CaseListPage';
import { LoginPage } from '../pages/LoginPage';
import type { Stage } from '@kampung/domain';
import { FULL_PATH, validData } from '../../integration/support/stage-data';

/** The API serving the built web; unset means the e2e tests skip. */
export const APP_URL = process.env.APP_URL;
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? '';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? '';
export const AUDITOR_EMAIL = process.env.E2E_AUDITOR_EMAIL ?? '';
export const AUDITOR_PASSWORD = process.env.E2E_AUDITOR_PASSWORD ?? '';
/** The demo mentor (pendamping): reaches only the kampung assigned to them. */
export const MENTOR_EMAIL = process.env.E2E_MENTOR_EMAIL ?? '';
export const MENTOR_PASSWORD = process.env.E2E_MENTOR_PASSWORD ?? '';

/** For a test's `skip` option: false when there is an app to test, else the reason to skip. */
export const SKIP_WITHOUT_APP: false | string = APP_URL ? false : 'APP_URL is not set (the API serving the built web)';

/** Where failure screenshots go. */
export const RESULTS = path.resolve('test-results');

/** The phone the tests use: its width is what `assertNoHorizontalScroll` holds a page to. */
export const PHONE_WIDTH = 390;
const PHONE = { viewport: { width: PHONE_WIDTH, height: 800 }, isMobile: true, hasTouch: true };

/** How long a page waits for a locator or navigation before failing. */
const PAGE_TIMEOUT_MS = 15_000;

/** A tiny API client for seeding: signs in with fetch and keeps the session cookie. */
export class Api {
  private constructor(private readonly cookie: string) {}

  static async signIn(email: string, password: string): Promise<Api> {
    const res = await fetch(new URL('/api/auth/login', APP_URL), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(res.status, 200, `login: ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    assert.ok(cookie, 'the login sets a session cookie');
    return new Api(cookie);
  }

  /** Sends `body` as JSON (if given) and returns the status with the parsed JSON answer (undefined if empty);
   * a write echoes the CSRF token of the session, as the web app does. `headers` are added (an Idempotency-Key). */
  async call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const csrf = /(?:^|;\s*)kampung_csrf=([^;]+)/.exec(this.cookie)?.[1];
    const res = await fetch(new URL(url, APP_URL), {
      method,
      headers: {
        Cookie: this.cookie,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** Seeds a case's moves through the API, from PROPOSAL along the forward chain up to `target`, each
 * with valid stage data (the admin makes every move before graduation). */
export async function walkCaseTo(api: Api, caseId: string, target: Stage): Promise<void> {
  let from: Stage = 'PROPOSAL';
  for (const to of FULL_PATH.slice(0, FULL_PATH.indexOf(target) + 1)) {
    const moved: { status: number; body: unknown } = await api.call('POST', `/api/cases/${caseId}/transitions`, { to, data: validData(from, to) });
    assert.equal(moved.status, 200, `${from} → ${to}: ${JSON.stringify(moved.body)}`);
    from = to;
  }
}

/**
 * Retries an assertion every 200 ms until it holds, or rethrows its last failure after `timeoutMs`
 * (for what a case's workflows write a moment later, such as obligations).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Runs `run`; if it fails, saves a full-page screenshot as `test-results/<prefix>-<time>.png` and rethrows. */
export async function screenshotOnFailure(page: Page, prefix: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await mkdir(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, `${prefix}-${Date.now()}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

/** Launches the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium) headless, as the test machines allow. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
}

/** A page in a new context on the app, in Indonesian and Jakarta time; a phone (390 × 800, touch) if asked.
 * The app's service worker is kept out unless asked for: it would answer API reads that a test
 * serves with `page.route` (see offline-field-work.e2e.test.ts for the app with it). */
export async function newAppPage(browser: Browser, { phone = false, serviceWorker = false }: { phone?: boolean; serviceWorker?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: APP_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: serviceWorker ? 'allow' : 'block',
    ...(phone ? PHONE : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  return page;
}

/** Signs in through the login form (the API must answer 200) and waits for the role's landing page:
 * the case list, a manager's dashboard, a mentor's worklist. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  assert.equal((await login.signIn(email, password)).status(), 200);
  await Promise.any([
    new CaseListPage(page).waitUntilShown(),
    page.getByRole('heading', { level: 1, name: 'Dasbor', exact: true }).waitFor(),
    page.getByRole('heading', { level: 1, name: 'Daftar kerja saya', exact: true }).waitFor(),
  ]);
}

/** `newAppPage` then `signIn`: a page signed in as the given user, showing the case list. */
export async function signedInPage(browser: Browser, email: string, password: string, options: { phone?: boolean } = {}): Promise<Page> {
  const page = await newAppPage(browser, options);
  await signIn(page, email, password);
  return page;
}

/** The page is no wider than the phone: nothing scrolls sideways. */
export async function assertNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  if (width <= PHONE_WIDTH) return;
  // What sticks out, outside any box that scrolls or clips it (an absolute box escapes one that is
  // not its containing block): named in the failure.
  const culprits = await page.evaluate<string[]>(`(() => {
    const clipped = (el) => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > ${PHONE_WIDTH} && (!clipped(el) || getComputedStyle(el).position === 'absolute'))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' right ' + Math.round(el.getBoundingClientRect().right) + ' px: ' + (el.textContent || '').trim().slice(0, 40));
  })()`);
  assert.fail(`no horizontal scrolling on a ${PHONE_WIDTH} px phone (page is ${width} px wide): ${culprits.join('; ')}`);
}
