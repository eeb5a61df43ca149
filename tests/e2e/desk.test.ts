import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../support/browser.ts';
import { deskFixtureDocx, type RunningDesk, startDesk } from '../support/desk.ts';
import { ROOT } from '../support/dist.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

// The desk (npm run desk), driven as a publisher would: import a Word file, correct what the
// importer got wrong, check, preview, publish and build, then read and search the built site.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-desk-'));
const reportsDir = path.join(scratch, 'content', 'reports');
const outDir = path.join(scratch, 'dist');
const folder = '2024-chengjiang-district';
const TITLE = '澄江区人民政府关于2024年度法治政府建设情况的报告';
const SITE_URL = 'https://www.example.gov.cn/fzzf/';
const SCREENSHOTS = process.env['DESK_SCREENSHOTS'];
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let desk: RunningDesk;
let site: StaticServer | undefined;
let docx: Buffer;
/** Desk views reached on the way, for axe and screenshots. */
const views = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(reportsDir, { recursive: true });
  cpSync(path.join(ROOT, 'content/reports'), reportsDir, { recursive: true });
  docx = await deskFixtureDocx();
  desk = await startDesk({ REPORTS_DIR: reportsDir, OUT_DIR: outDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    // Long pages also in screen-sized pieces, to be looked at in full size.
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, part = 1; y < total && part <= 4; y += height, part++)
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}-${width}-part${part}.png`),
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(height, total - y) },
      });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function importFixture(page: Page, agencyId: string) {
  await page.goto(desk.url);
  await page.getByLabel('报告原文', { exact: true }).setInputFiles({
    name: '澄江区报告.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx,
  });
  await page.getByLabel('机构标识（英文）').fill(agencyId);
  await page.getByRole('button', { name: '导入并查看识别结果' }).click();
  await page.waitForURL(/\/import\/[A-Za-z0-9_-]+$/);
}

const save = (page: Page, name: string) => page.getByRole('button', { name }).first().click();

describe('a publisher goes from a Word file to a built site in the desk', () => {
  it('imports, corrects, checks, previews, publishes and builds; the site reads and finds the report', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(desk.url);
    views.set('home', page.url());
    await shoot(page, 'home');
    await importFixture(page, 'chengjiang-district');
    views.set('import', page.url());
    await shoot(page, 'import');

    // What was found, beside the source text, each with its source paragraph.
    const title = page.locator('.found-fields div', { hasText: '报告标题' });
    await expect.poll(() => title.textContent()).toContain('征求意见稿');
    expect(await title.getByRole('link', { name: '第 1 段' }).count()).toBe(1);
    expect(await page.locator('#src-1 .src-role').textContent()).toContain('标题');
    expect(await page.locator('.found-fields div', { hasText: '来源' }).textContent()).toContain(
      '澄江区人民政府办公室',
    );
    expect(await page.locator('#not-imported').count()).toBe(1);

    // Key figures the text states are proposed: one confirmed now, the other left to check.
    const figure = (name: RegExp) => page.getByRole('group', { name });
    expect(await page.locator('fieldset.figure-choice').count()).toBe(2);
    expect(
      await figure(/行政复议案件 36件/)
        .getByLabel('待核对')
        .isChecked(),
    ).toBe(true);
    await figure(/行政复议案件 36件/)
      .getByLabel('确认')
      .check();

    // Correct the title and the heading typed one level too low; give a date that is wrong.
    await page.locator('#f-title').fill(TITLE);
    await page.locator('#s-s2-3-level').selectOption('part');
    await page.locator('#f-published').fill('2024-06-01');
    await save(page, '保存为草稿');
    await page.waitForURL(`${desk.url}reports/${folder}/check?saved`);
    views.set('check-errors', page.url());
    await shoot(page, 'check-errors');
    const error = page.locator('.issue-error', { hasText: '发布日期（published）' });
    expect(await error.count()).toBe(1);
    const draft = readFileSync(path.join(reportsDir, folder, 'report.md'), 'utf8');
    expect(draft).toContain(`title: ${TITLE}\n`);
    expect(draft).toContain('draft: true');
    expect(draft).toMatch(/^figures:\n {2}- indicator: admin-reconsideration\n {4}value: 36\n/m);
    expect(draft).toMatch(/^# {3}- indicator: admin-litigation # 行政诉讼案件 12件$/m);
    expect(readFileSync(path.join(reportsDir, folder, 's3.md'), 'utf8')).toContain(
      'numbering: 三、',
    );

    // The link opens the form at the field; fixing it there re-checks.
    await error.getByRole('link', { name: '去修改' }).click();
    await page.waitForURL(`${desk.url}reports/${folder}#f-published`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-published');
    views.set('edit', page.url());
    await shoot(page, 'edit');
    await page.locator('#f-published').fill('2025-03-20');
    await page.locator('#s-s3-item').selectOption('下一年度主要安排');
    // The figure left to check is still proposed here; it is dropped.
    expect(await page.locator('fieldset.figure-choice').count()).toBe(1);
    await figure(/行政诉讼案件 12件/)
      .getByLabel('删去')
      .check();
    await save(page, '保存并检查');
    await page.waitForURL(`${desk.url}reports/${folder}/check?saved`);
    expect(await page.locator('.issue-error').count()).toBe(0);
    const checked = readFileSync(path.join(reportsDir, folder, 'report.md'), 'utf8');
    expect(checked).toContain('- indicator: admin-reconsideration');
    expect(checked).not.toContain('admin-litigation');
    expect(await page.getByRole('status').first().textContent()).toContain('已保存');

    // Preview: the report and a section page as readers see them, marked draft.
    await page.getByRole('link', { name: '预览' }).click();
    await page.getByRole('button', { name: '生成预览' }).click();
    views.set('preview', `${desk.url}reports/${folder}/preview`);
    await expect
      .poll(() => page.getByRole('link', { name: TITLE }).count(), {
        timeout: 150_000,
        interval: 1000,
      })
      .toBe(1);
    await shoot(page, 'preview');
    await page.getByRole('link', { name: TITLE }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.locator('body').textContent()).toContain('草稿');
    await page.goBack();
    await page.getByRole('link', { name: '三、2025年工作安排' }).click();
    expect(await page.locator('main').textContent()).toContain('加强执法队伍建设');

    // Publish: the same step as npm run publish-report.
    await page.goto(`${desk.url}reports/${folder}/publish`);
    expect(await page.getByLabel('发布日期').inputValue()).toBe('2025-03-20');
    await page.getByRole('button', { name: '发布这份报告' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已发布');
    views.set('publish', `${desk.url}reports/${folder}/publish`);
    await shoot(page, 'publish');
    expect(readFileSync(path.join(reportsDir, folder, 'report.md'), 'utf8')).not.toMatch(
      /^draft: true$/m,
    );
    expect(
      JSON.parse(readFileSync(path.join(reportsDir, folder, 'editions.json'), 'utf8')),
    ).toMatchObject({
      version: 1,
    });

    // Build with the site's address, remembered for next time.
    await page.getByRole('link', { name: '生成网站' }).first().click();
    await page.getByLabel('网站地址（SITE_URL）').fill(SITE_URL);
    await page.getByRole('button', { name: '生成网站' }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 240_000, interval: 1000 })
      .toContain('网站已生成');
    views.set('build', page.url());
    await shoot(page, 'build');
    expect(await page.locator('.steps li').count()).toBeGreaterThan(3);
    expect(await page.locator('code.path').textContent()).toContain(outDir);
    expect(await page.locator('.checklist li').count()).toBe(5);
    expect(await page.getByLabel('网站地址（SITE_URL）').inputValue()).toBe(SITE_URL);
    expect(readFileSync(path.join(scratch, 'content', 'deploy.yml'), 'utf8')).toContain(SITE_URL);
    const zip = await page.request.get(`${desk.url}build/site.zip`);
    expect(zip.headers()['content-type']).toBe('application/zip');
    const archive = await JSZip.loadAsync(await zip.body());
    expect(archive.file('index.html')).not.toBeNull();
    expect(archive.file(`reports/${folder}/index.html`)).not.toBeNull();
    // The desk is never part of the site.
    expect(Object.keys(archive.files).filter((name) => /desk/i.test(name))).toEqual([]);
    const home = await archive.file('index.html')!.async('string');
    expect(home).not.toContain('编辑台');

    // The built site: the report reads as corrected and search finds it.
    site = await serveDist(outDir, { base: '/fzzf/' });
    await page.goto(`${site.url}reports/${folder}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.locator('body').textContent()).not.toContain('草稿');
    await page.getByRole('combobox', { name: '搜索报告' }).fill('首违不罚');
    await page.getByRole('combobox', { name: '搜索报告' }).press('Enter');
    const list = page.locator('[data-search-results]');
    await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    const first = new URL((await list.locator('a[href]').first().getAttribute('href'))!, site.url);
    expect(first.pathname).toBe(`/fzzf/reports/${folder}/`);
  }, 600_000);
});

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')}`),
    );
  });
}

describe('the desk for everyone', () => {
  it('has no axe violations on any view, light and dark, at 390 and 1280 px', async () => {
    // axe is injected as a script of its own, which the desk's policy (rightly) refuses.
    const { page } = await openPage(browser, {
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    await importFixture(page, 'axe-district');
    const all = new Map([
      ...views,
      ['import', page.url()],
      ['check', `${desk.url}reports/${folder}/check`],
    ]);
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        for (const [name, url] of all) {
          if (name === 'check-errors') continue;
          await page.goto(url.replace(/\?saved$/, ''));
          found.push(...(await axe(page)).map((v) => `${name} ${scheme} ${width}: ${v}`));
        }
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('works with the keyboard alone: skip link, navigation, form, save, and the link to a field', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${desk.url}reports/${folder}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    // Tab to the title field and save with Enter from it, as in any form.
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'f-title' && guard++ < 60)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-title');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check\?saved$/);
    // From the check view to the report list, by keyboard.
    guard = 0;
    while (
      (await page.evaluate(() => document.activeElement?.textContent)) !== '报告列表' &&
      guard++ < 30
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(desk.url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('报告列表');
  }, 60_000);
});

/** A raw request, with the headers a browser would not let a page set. */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function multipart(name: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = '----desktest';
  const parts = [
    ...Object.entries(fields).map(
      ([key, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
    ),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ];
  return {
    body: Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('the desk keeps to itself', () => {
  it('shows nothing without the secret, and never the secret', async () => {
    const base = `http://127.0.0.1:${desk.port}`;
    for (const url of [`${base}/`, `${base}/reports/${folder}`, `${base}/x${desk.secret}/`]) {
      const response = await request(url);
      expect(response.status).toBe(403);
      expect(response.body).not.toContain(desk.secret);
    }
  });

  it('refuses another host name and a post from another origin', async () => {
    expect(
      (await request(desk.url, { headers: { Host: `evil.example:${desk.port}` } })).status,
    ).toBe(421);
    const post = await request(`${desk.url}build`, {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: Buffer.from('siteUrl=https://evil.example/'),
    });
    expect(post.status).toBe(403);
  });

  it('refuses an upload over the size limit and types other than the three, before importing', async () => {
    const origin = { Origin: `http://127.0.0.1:${desk.port}` };
    const big = multipart('报告.txt', Buffer.alloc(11 * 1024 * 1024, 0x41), {
      agencyId: 'big-one',
    });
    const tooBig = await request(`${desk.url}import`, {
      method: 'POST',
      headers: { ...origin, ...big.headers },
      body: big.body,
    }).catch(() => ({ status: 413, body: '' }));
    expect(tooBig.status).toBe(413);
    const pdf = multipart('报告.pdf', '%PDF-1.4', { agencyId: 'pdf-one' });
    const wrong = await request(`${desk.url}import`, {
      method: 'POST',
      headers: { ...origin, ...pdf.headers },
      body: pdf.body,
    });
    expect(wrong.status).toBe(415);
    expect(wrong.body).toContain('只能导入 Word 文件（.docx）、纯文本（.txt）和 Markdown（.md）');
    const fake = multipart('报告.docx', '<script>alert(1)</script>', { agencyId: 'fake-one' });
    expect(
      (
        await request(`${desk.url}import`, {
          method: 'POST',
          headers: { ...origin, ...fake.headers },
          body: fake.body,
        })
      ).status,
    ).toBe(415);
  });

  it('shows a document’s markup as text and takes no path from a file name', async () => {
    const { page } = await openPage(browser);
    await page.goto(desk.url);
    await page.getByLabel('报告原文', { exact: true }).setInputFiles({
      name: '../../evil<img src=x>.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '青枫区人民政府2024年法治政府建设情况\n<img src=x onerror=alert(1)>导言。\n一、主要举措和成效\n<script>alert(1)</script>正文。\n',
      ),
    });
    await page.getByLabel('机构标识（英文）').fill('markup-test');
    await page.getByRole('button', { name: '导入并查看识别结果' }).click();
    await page.waitForURL(/\/import\//);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.locator('.source-lines').textContent()).toContain(
      '<script>alert(1)</script>',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'evil<img src=x>.txt',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toContain('../');
  });
});

describe('a published report stays a public record', () => {
  it('is corrected with a note after its text is changed, then withdrawn with a reason', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${desk.url}reports/${folder}`);
    const body = page.locator('#s-s1-2-body');
    await body.fill((await body.inputValue()).replace('首违不罚清单', '首违不罚清单和免罚清单'));
    await save(page, '保存并检查');
    await page.waitForURL(/\/check\?saved$/);
    // Changed published text without a recorded correction stops the build: the check says so.
    const unrecorded = page.locator('.issue-error').first();
    expect(await unrecorded.textContent()).not.toContain('npm run');
    // Its link leads to where a correction is recorded.
    await unrecorded.getByRole('link', { name: '去修改' }).click();
    await page.waitForURL(`${desk.url}reports/${folder}/publish`);
    await page.getByLabel('更正说明').fill('补充第一部分中的免罚清单。');
    await page.getByRole('button', { name: '记录更正' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('第 2 版');
    await shoot(page, 'correct');
    await page.goto(`${desk.url}reports/${folder}/check`);
    expect(await page.locator('.issue-error').count()).toBe(0);

    await page.goto(`${desk.url}reports/${folder}/publish`);
    await page.getByLabel('撤回原因').fill('本报告已由修订后的报告替代。');
    await page.getByRole('button', { name: '撤回这份报告' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已撤回');
    await page.goto(desk.url);
    const row = page.locator('tr', { hasText: TITLE });
    expect(await row.locator('.state').textContent()).toBe('已撤回');
    const record = JSON.parse(readFileSync(path.join(reportsDir, folder, 'editions.json'), 'utf8'));
    expect(record.events.map((event: { kind: string }) => event.kind)).toEqual([
      'publish',
      'correct',
      'withdraw',
    ]);
  }, 60_000);
});
