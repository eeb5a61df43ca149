import { describe, expect, it } from 'vitest';
import { openPage, takePageErrors } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();

// The after-each check (tests/support/e2e-setup.ts) fails a test with what takePageErrors()
// returns; these tests take the errors themselves, so the check then finds none.
describe('browser test harness', () => {
  it('hands a page’s console errors and uncaught errors to the after-each check, once', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(site.server.url);
    await page.evaluate(() => {
      console.error('logged on purpose');
      setTimeout(() => {
        throw new Error('thrown on purpose');
      });
    });
    const taken: string[] = [];
    await expect
      .poll(() => {
        taken.push(...takePageErrors());
        return taken.length;
      })
      .toBe(2);
    expect(taken).toEqual([
      expect.stringContaining('logged on purpose'),
      expect.stringContaining('thrown on purpose'),
    ]);
    expect(takePageErrors()).toEqual([]);
  });

  it('leaves a page opened with allowErrors out of the check, but still records its errors', async () => {
    const { page, errors } = await openPage(site.browser, { allowErrors: true });
    await page.goto(site.server.url);
    await page.evaluate(() => console.error('expected here'));
    await expect.poll(() => errors.some((error) => error.includes('expected here'))).toBe(true);
    expect(takePageErrors()).toEqual([]);
  });
});
