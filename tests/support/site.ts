import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { assertBuilt } from './dist.ts';
import { type StaticServer, serveDist } from './server.ts';

export interface BuiltSite {
  browser: Browser;
  server: StaticServer;
}

/** One Chromium and one server on dist/ for the test file that calls this, closed after it. */
export function useBuiltSite(): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    assertBuilt();
    [site.browser, site.server] = await Promise.all([launchChromium(), serveDist()]);
  });
  afterAll(async () => {
    // Pages keep connections open until the browser goes: close it before the server.
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
