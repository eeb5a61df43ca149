import { describe, expect, it } from 'vitest';
import { axe } from '../support/axe.ts';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';
import { modeContext, PAGE_TYPES, READER_MODES } from '../support/reader-modes.ts';

const site = useBuiltSite();

describe.each(READER_MODES)('axe-core in $name mode', (mode) => {
  it.each(PAGE_TYPES)(
    'finds no violations on the $name page, at phone and desktop width',
    async (type) => {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        const { options, init } = modeContext(mode);
        // The 404 page's own status is logged as a console error.
        const { page } = await openPage(site.browser, {
          ...options,
          viewport,
          allowErrors: type.name === '404',
          // axe-core is injected as an inline script, which the site's own CSP meta refuses.
          bypassCSP: true,
        });
        if (init) await page.context().addInitScript(init);
        await page.goto(site.server.url + type.path);
        if (type.name === 'search')
          // Loading the engine and index can take seconds on a busy two-core machine.
          await expect
            .poll(() => page.locator('[data-search-results]').getAttribute('aria-busy'), {
              timeout: 15_000,
            })
            .toBe('false');
        // The mode really is on: stored settings became attributes, the system scheme reached the page.
        const state = await page.evaluate(() => ({
          contrast: document.documentElement.dataset['contrast'],
          textSize: document.documentElement.dataset['size'],
          background: getComputedStyle(document.body).backgroundColor,
        }));
        if (mode.stored?.includes('high')) expect(state.contrast).toBe('high');
        if (mode.stored?.includes('xl')) expect(state.textSize).toBe('xl');
        expect(state.background).toBe(
          mode.colorScheme === 'dark'
            ? mode.highContrast
              ? 'rgb(0, 0, 0)'
              : 'rgb(22, 24, 27)'
            : 'rgb(255, 255, 255)',
        );
        // Open the drop-downs so their contents are checked too.
        if (type.name === 'report') {
          if (viewport.width < 1000) await page.locator('.report-toc-summary').click();
          await page.locator('.statutory-facts summary').click();
          await page.getByText('阅读设置').click();
        }
        // High contrast promises AAA (7:1) text contrast, so the enhanced-contrast rule runs there too.
        expect(
          await axe(page, mode.highContrast),
          `${type.name} at ${viewport.width}px in ${mode.name}`,
        ).toEqual([]);
        await page.context().close();
      }
    },
  );
});

describe('axe-core harness', () => {
  it('reports a violation on a page that has one', async () => {
    const { page } = await openPage(site.browser, { bypassCSP: true });
    await page.goto(site.server.url);
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(image);
    });
    expect((await axe(page, false)).join('\n')).toMatch(/^image-alt/m);
    await page.context().close();
  });
});
