import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server.ts';

// A publisher keeps `npm run dev` running while editing: every content file, site.yml included,
// shows on the next reload, and a mistake in any of them shows as the Chinese error list.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-dev-'));
const reportsDir = path.join(scratch, 'reports');
const siteFile = path.join(scratch, 'site.yml');
const reportFile = path.join(reportsDir, '2024-test-agency', 'report.md');
const indicatorsFile = path.join(scratch, 'indicators.yml');
let server: DevServer;

beforeAll(async () => {
  cpSync('tests/fixtures/valid', reportsDir, { recursive: true });
  writeFileSync(siteFile, 'name: 甲市法治报告网\n');
  cpSync('content/indicators.yml', indicatorsFile);
  server = await startDevServer({
    REPORTS_DIR: reportsDir,
    SITE_CONFIG: siteFile,
    INDICATORS_FILE: indicatorsFile,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

/** The report page as the next reload shows it, waiting out a reload in progress. */
async function reportPage(): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.url}reports/2024-test-agency/`, {
    headers: { accept: 'text/html' },
  }).catch(() => undefined);
  return { status: response?.status ?? 0, html: (await response?.text()) ?? '' };
}
const poll = { timeout: 60_000, interval: 500 };

describe('npm run dev while files are edited', () => {
  it('shows a site.yml edit on the next reload, without a restart', async () => {
    await expect.poll(async () => (await reportPage()).html, poll).toContain('甲市法治报告网');
    writeFileSync(siteFile, 'name: 乙市法治报告网\n');
    await expect.poll(async () => (await reportPage()).html, poll).toContain('乙市法治报告网');
    const { html } = await reportPage();
    expect(html).not.toContain('甲市法治报告网');
    // Share cards name the site as site.yml does.
    expect(html).toContain('<meta property="og:site_name" content="乙市法治报告网">');
  });

  it('shows a report edit on the next reload', async () => {
    edit(reportFile, (text) =>
      text.replace(/^title: .*$/m, 'title: 测试局2024年法治政府建设情况（修订）'),
    );
    await expect
      .poll(async () => (await reportPage()).html, poll)
      .toContain('测试局2024年法治政府建设情况（修订）');
  });

  it('shows an indicators.yml edit on the next reload', async () => {
    const dataPage = async () =>
      (await fetch(`${server.url}data/`, { headers: { accept: 'text/html' } })
        .then((response) => response.text())
        .catch(() => '')) as string;
    await expect.poll(dataPage, poll).toContain('行政复议案件');
    edit(indicatorsFile, (text) => text.replace('name: 行政复议案件', 'name: 行政复议收案'));
    await expect.poll(dataPage, poll).toContain('行政复议收案');
  });

  it('lists a mistake in site.yml with its line, and recovers once it is fixed', async () => {
    writeFileSync(siteFile, 'name: 乙市法治报告网\nfeedback: fzb@example.gov.cn\n');
    await expect.poll(async () => (await reportPage()).status, poll).toBe(500);
    const { html } = await reportPage();
    expect(html).toContain(`${path.relative(process.cwd(), siteFile)}:2`);
    expect(html).toContain('feedback');
    writeFileSync(siteFile, 'name: 乙市法治报告网\nfeedback: mailto:fzb@example.gov.cn\n');
    await expect.poll(async () => (await reportPage()).status, poll).toBe(200);
  });
});
