/**
 * The mentor's phone on a weak signal: Chromium's network emulation (the DevTools protocol's
 * Network.emulateNetworkConditions) at 400 kbps down and up with 400 ms round trips, on a phone
 * viewport. Times the sign-in form and a signed-in mentor's worklist (with its data), each on a
 * first visit (nothing on the device) and a repeat visit (the service worker installed, the HTTP
 * cache warm). The emulation is set on the page and on the app's service worker, whose fetches
 * (the API reads of a repeat visit) go through the same slow link.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/** Issue 14's goals. */
export const FIRST_VISIT_GOAL_MS = 5000;
export const REPEAT_VISIT_GOAL_MS = 1000;

const SLOW = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' };

export interface SlowNetworkOptions {
  appUrl: string;
  mentor: { email: string; password: string };
}

async function throttle(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', SLOW);
  return session;
}

/** The same emulation on the service worker's own target (its fetches are not the page's). Playwright
 * offers no session on a worker, so the browser's session speaks to it through Target messages. */
async function throttleServiceWorkers(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  let throttled = 0;
  for (const target of targetInfos.filter((t) => t.type === 'service_worker')) {
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    for (const [id, method, params] of [
      [1, 'Network.enable', {}],
      [2, 'Network.emulateNetworkConditions', SLOW],
    ] as const) {
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    }
    throttled++;
  }
  return throttled;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return Math.round(performance.now() - started);
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await page.waitForFunction('navigator.serviceWorker.controller !== null');
}

/** The session cookies of a mentor signed in through the API, for a context that starts signed in. */
async function signedInCookies(appUrl: string, mentor: SlowNetworkOptions['mentor']) {
  const res = await fetch(new URL('/api/auth/login', appUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(mentor),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((cookie) => {
    const [pair] = cookie.split(';');
    const at = pair!.indexOf('=');
    return { name: pair!.slice(0, at), value: pair!.slice(at + 1), url: appUrl };
  });
}

interface Figure {
  what: string;
  firstMs: number;
  repeatMs: number;
}

async function signInForm(browser: Browser, appUrl: string): Promise<Figure> {
  const context = await browser.newContext({ ...PHONE, baseURL: appUrl });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await throttle(page);
    const form = () => page.getByRole('heading', { name: 'Masuk' }).waitFor();
    const firstMs = await timed(async () => {
      await page.goto('/', { waitUntil: 'commit' });
      await form();
    });
    await waitForServiceWorker(page);
    await throttleServiceWorkers(browser);
    const repeatMs = await timed(async () => {
      await page.goto('/', { waitUntil: 'commit' });
      await form();
    });
    return { what: 'sign-in form', firstMs, repeatMs };
  } finally {
    await context.close();
  }
}

async function worklist(browser: Browser, { appUrl, mentor }: SlowNetworkOptions): Promise<Figure> {
  const context: BrowserContext = await browser.newContext({ ...PHONE, baseURL: appUrl });
  try {
    await context.addCookies(await signedInCookies(appUrl, mentor));
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await throttle(page);
    // The worklist with its data: the line that says when the data was brought up to date.
    const shown = () => page.getByTestId('data-as-of').waitFor();
    const firstMs = await timed(async () => {
      await page.goto('/worklist', { waitUntil: 'commit' });
      await shown();
    });
    await waitForServiceWorker(page);
    await throttleServiceWorkers(browser);
    const repeatMs = await timed(async () => {
      await page.goto('/worklist', { waitUntil: 'commit' });
      await shown();
    });
    return { what: "a mentor's worklist, with its data", firstMs, repeatMs };
  } finally {
    await context.close();
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const met = (ms: number, goal: number) => (ms <= goal ? 'yes' : 'no');

/** Markdown for BENCHMARKS.md. */
export async function benchSlowNetwork(options: SlowNetworkOptions): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const figures = [await signInForm(browser, options.appUrl), await worklist(browser, options)];
    return [
      `### Slow network: 400 kbps, 400 ms round trip, phone (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      '',
      '| time to | first visit (s) | goal ≤ 5 s | repeat visit (s) | goal ≤ 1 s |',
      '|---|---|---|---|---|',
      ...figures.map((f) => `| ${f.what} | ${seconds(f.firstMs)} | ${met(f.firstMs, FIRST_VISIT_GOAL_MS)} | ${seconds(f.repeatMs)} | ${met(f.repeatMs, REPEAT_VISIT_GOAL_MS)} |`),
    ].join('\n');
  } finally {
    await browser.close();
  }
}
