import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { ROOT } from '../support/dist.ts';
import { brokenReferences } from '../support/links.ts';
import { serveDist } from '../support/server.ts';

// A site built in two parts by year (tests/fixtures/portal: three agencies over 2021–2023), each
// an ordinary build with --years, then merged by `npm run merge-parts` into one site whose pages
// link across the parts and whose search finds every part's reports.
const SITE = 'https://www.example.gov.cn/fzzf/';
const BASE = '/fzzf/';
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-parts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ENV = {
  REPORTS_DIR: 'tests/fixtures/portal/reports',
  SITE_CONFIG: 'tests/fixtures/portal/site.yml',
  SITE_URL: SITE,
};
const early = path.join(scratch, 'early', 'dist');
const late = path.join(scratch, 'late', 'dist');
const merged = path.join(scratch, 'site', 'dist');

function merge(parts: string[], out: string) {
  const result = spawnSync(process.execPath, ['tools/merge-parts.ts', ...parts, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const reportPage = (dist: string, folder: string) =>
  existsSync(path.join(dist, 'reports', folder, 'index.html'));

beforeAll(() => {
  for (const [outDir, years] of [
    [early, '2021-2022'],
    [late, '2023'],
  ] as const) {
    const result = runBuild(outDir, ENV, ['--years', years]);
    expect(result.status, result.output).toBe(0);
  }
  const result = merge([early, late], merged);
  expect(result.status, result.output).toBe(0);
}, 300_000);

describe('a site built in parts', () => {
  it('renders in each part only the reports of its years', () => {
    expect(reportPage(early, '2022-alpha-justice')).toBe(true);
    expect(reportPage(early, '2023-alpha-justice')).toBe(false);
    expect(reportPage(late, '2023-alpha-justice')).toBe(true);
    expect(reportPage(late, '2022-alpha-justice')).toBe(false);
    expect(existsSync(path.join(late, 'reports', '2021-beta-market.json'))).toBe(false);
  });

  it('merges into one site where every report is published and every link resolves', () => {
    for (const agency of ['alpha-justice', 'beta-market', 'gamma-ecology'])
      for (const year of [2021, 2022, 2023])
        expect(reportPage(merged, `${year}-${agency}`), `${year}-${agency}`).toBe(true);
    // The later part links to the earlier year, which only the other part built.
    const page = readFileSync(
      path.join(late, 'reports', '2023-alpha-justice', 'index.html'),
      'utf8',
    );
    expect(page).toContain(`href="${BASE}reports/2022-alpha-justice/"`);
    expect(brokenReferences(merged, BASE)).toEqual([]);
  });

  it('refuses parts that disagree about a page both have, and keeps the previous site', () => {
    const altered = path.join(scratch, 'altered');
    cpSync(late, altered, { recursive: true, dereference: true });
    writeFileSync(path.join(altered, 'index.html'), 'another home page');
    const before = readFileSync(path.join(merged, 'index.html'), 'utf8');
    const result = merge([early, altered], merged);
    expect(result.status).toBe(1);
    expect(result.output).toContain('index.html，但内容不同');
    expect(result.output).toContain('保持不变');
    expect(result.output).not.toMatch(/\bat \S+ \(|Error:/);
    expect(readFileSync(path.join(merged, 'index.html'), 'utf8')).toBe(before);
  });

  describe('search', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveDist>>;
    beforeAll(async () => {
      browser = await launchChromium();
      server = await serveDist(merged, { base: BASE });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('finds the reports of every part from one search box', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}search/?q=${encodeURIComponent('执法案卷评查')}`);
      const list = page.locator('[data-search-results]');
      await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
      const hrefs = await list
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const years = new Set(hrefs.map((href) => /reports\/(\d{4})-/.exec(href)?.[1]));
      expect([...years].sort()).toEqual(['2021', '2022', '2023']);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
