import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. A browser is never downloaded. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The one way tests and tools start Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // This machine has no network: keep Chromium from calling home at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenPageOptions extends BrowserContextOptions {
  /**
   * The test expects console or page errors (the 404 page logs its own status, a harness test
   * logs one on purpose): they are still recorded in `errors` but do not fail the test.
   */
  allowErrors?: boolean;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors, in the order they happened. */
  errors: string[];
}

/** Pages opened since the last takePageErrors(), with whether they may log errors. */
const opened: { errors: string[]; allowed: boolean }[] = [];

/**
 * A page in a fresh context that records console errors and page errors. Every browser test
 * fails when a page it opened recorded one (see tests/support/e2e-setup.ts), unless the page
 * was opened with `allowErrors`.
 */
export async function openPage(
  browser: Browser,
  { allowErrors = false, ...options }: OpenPageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  opened.push({ errors, allowed: allowErrors });
  return { page, errors };
}

/**
 * The errors recorded so far on pages that do not allow them, and forgets them, so that each
 * test answers only for what happened while it ran.
 */
export function takePageErrors(): string[] {
  const errors = opened.filter((entry) => !entry.allowed).flatMap((entry) => entry.errors);
  for (const entry of opened) entry.errors.length = 0;
  return errors;
}
