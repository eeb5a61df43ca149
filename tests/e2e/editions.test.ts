import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../support/axe.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { ROOT } from '../support/dist.ts';
import {
  CITED_PARAGRAPH,
  CORRECTED_REPORT,
  correctTwice,
  INSERTED_TEXT,
  REMOVED_PARAGRAPH,
} from '../support/editions.ts';
import { modeContext, READER_MODES } from '../support/reader-modes.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

// A reader cites a paragraph of the published report; the publisher then corrects the report
// twice (rewording that paragraph, then inserting a paragraph before it and removing the one
// before that) and rebuilds. The citation still lands on the same paragraph, which says it was
// corrected and keeps its old wording one tap away.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-editions-e2e-'));
const reports = path.join(scratch, 'reports');
const outDir = path.join(scratch, 'dist');
let browser: Browser;
let server: StaticServer | undefined;

const build = () => {
  const result = runBuild(outDir, { REPORTS_DIR: path.relative(ROOT, reports) });
  expect(result.status, result.output).toBe(0);
};

beforeAll(async () => {
  cpSync(path.join(ROOT, 'tests/fixtures/valid'), reports, { recursive: true });
  build();
  browser = await launchChromium();
  server = await serveDist(outDir);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a citation across corrections', () => {
  let cited = '';
  let citedUrl = '';

  it('copies a GB/T 7714 reference to a paragraph in one tap, naming the first edition', async () => {
    const { page } = await openPage(browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(`${server!.url}reports/${CORRECTED_REPORT}/`);
    const paragraph = page.locator(`#${CITED_PARAGRAPH}`);
    await paragraph.hover();
    await paragraph.getByRole('button', { name: '引用本段：复制 GB/T 7714 格式的引用' }).click();
    await expect
      .poll(() => page.locator('[data-copy-link-status]').textContent())
      .toContain('已复制引用');
    cited = await page.evaluate(() => navigator.clipboard.readText());
    expect(cited).toMatch(
      /^测试市测试局\. 测试局2024年法治政府建设情况：（一）第一项举措\[EB\/OL\]\. 1版\. \(2025-02-01\)\[\d{4}-\d{2}-\d{2}\]\. http:\/\/localhost:4321\/reports\/2024-test-agency\/#s1-1-p2$/,
    );
    citedUrl = cited.slice(cited.lastIndexOf(' ') + 1);
  });

  it('lands on the same paragraph after two corrections and a rebuild, saying when it was corrected', async () => {
    await server!.close();
    server = undefined;
    await correctTwice(reports);
    build();
    server = await serveDist(outDir);
    const { page } = await openPage(browser);
    // The citation names the public address; this test serves the site elsewhere.
    await page.goto(citedUrl.replace('http://localhost:4321/', server.url));
    const target = page.locator(':target');
    await expect.poll(() => target.getAttribute('id')).toBe(CITED_PARAGRAPH);
    expect(await target.textContent()).toContain('第二段，已更正。');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(CITED_PARAGRAPH);
    const note = page.locator(`#${CITED_PARAGRAPH} + details.paragraph-history`);
    expect(await note.locator('summary').textContent()).toBe('此段已于2025年2月10日更正');
    expect(await note.locator('.paragraph-before').isVisible()).toBe(false);
    await note.locator('summary').click();
    expect(await note.locator('.paragraph-before').textContent()).toBe(
      '2025年2月10日更正前：第二段。',
    );
    expect(await page.locator('#s1-1-p3').textContent()).toContain(INSERTED_TEXT);
    expect(await page.locator('.report-header .edition-notice').textContent()).toContain(
      '本报告于2025年3月1日更正',
    );
  });

  it('takes a removed paragraph’s link to the edition that had it', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server!.url}reports/${CORRECTED_REPORT}/#${REMOVED_PARAGRAPH}`);
    await page.waitForURL(`**/reports/${CORRECTED_REPORT}/editions/2/#${REMOVED_PARAGRAPH}`);
    expect(await page.locator(`#${REMOVED_PARAGRAPH}`).textContent()).toContain('第一段。');
    expect(await page.locator('.edition-notice.is-earlier').textContent()).toContain('第 2 版');
  });

  it('shows a removed paragraph’s notice and link without JavaScript', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server!.url}reports/${CORRECTED_REPORT}/#${REMOVED_PARAGRAPH}`);
    const removed = page.locator(`#${REMOVED_PARAGRAPH}`);
    expect(await removed.isVisible()).toBe(true);
    expect(await removed.textContent()).toContain('此段已于2025年3月1日删去');
    await removed.getByRole('link').click();
    expect(await page.locator(`#${REMOVED_PARAGRAPH}`).textContent()).toContain('第一段。');
  });

  it('cites the current edition once corrected', async () => {
    const { page } = await openPage(browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(`${server!.url}reports/${CORRECTED_REPORT}/`);
    // Pointing at the report loads what names the button and makes it copy.
    await page.locator('#s1-1').hover();
    await page
      .locator('#s1-1')
      .locator('..')
      .getByRole('button', { name: /^引用本节：/ })
      .click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('（一）第一项举措[EB/OL]. 3版. (2025-03-01)');
    expect(text).toMatch(/\/reports\/2024-test-agency\/#s1-1$/);
  });

  it.each(READER_MODES)(
    'leaves axe-core nothing to report on the 修订记录 in $name mode',
    async (mode) => {
      const { options, init } = modeContext(mode);
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        const { page } = await openPage(browser, { ...options, viewport, bypassCSP: true });
        if (init) await page.context().addInitScript(init);
        await page.goto(`${server!.url}reports/${CORRECTED_REPORT}/editions/`);
        expect(await axe(page, false), `${mode.name} at ${viewport.width}px`).toEqual([]);
        await page.context().close();
      }
    },
  );

  it.each([
    [
      'the corrected report, landed on a corrected paragraph with its note open',
      `reports/${CORRECTED_REPORT}/#${CITED_PARAGRAPH}`,
    ],
    ['the 修订记录', `reports/${CORRECTED_REPORT}/editions/`],
    ['an earlier edition', `reports/${CORRECTED_REPORT}/editions/1/`],
    ['an earlier edition’s section', `reports/${CORRECTED_REPORT}/editions/1/s1-1/`],
    ['a comparison', `reports/${CORRECTED_REPORT}/compare/1-3/`],
  ])(
    'leaves axe-core nothing to report on %s, at phone and desktop width',
    async (_name, where) => {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        const { page } = await openPage(browser, { viewport, bypassCSP: true });
        await page.goto(`${server!.url}${where}`);
        for (const summary of await page.locator('.paragraph-history summary').all())
          await summary.click();
        expect(await axe(page, false), `${where} at ${viewport.width}px`).toEqual([]);
        await page.context().close();
      }
    },
  );
});
