import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../support/build.ts';
import { ROOT } from '../support/dist.ts';
import { SAMPLE_FIXTURES } from '../support/import-catalogue.ts';

// Real openings imported with `npm run import` exactly as a publisher would, then built: no file
// is edited in between.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-import-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const reports = path.join(scratch, 'reports');
const outDir = path.join(scratch, 'dist');

function runImport(file: string, ...args: string[]): string {
  copyFileSync(path.join(SAMPLE_FIXTURES, file), path.join(scratch, file));
  return execFileSync(
    process.execPath,
    [path.join(ROOT, 'tools/import.ts'), file, '--out', reports, ...args],
    { cwd: scratch, encoding: 'utf8' },
  );
}

describe('a freshly imported real report', () => {
  let output = '';
  beforeAll(() => {
    // Dated in its 索引号 table: published as imported.
    runImport('08-chongqing-amr-2025.txt', '--agency-id', 'cq-amr');
    // No date in the text: published once --published gives it.
    runImport('10-ministry-of-justice-2024.txt', '--agency-id', 'moj', '--published', '2025-03-28');
    // No date, none given: a draft.
    expect(runImport('04-zhaoxian-county-2022.txt', '--agency-id', 'zhaoxian')).toContain('草稿');
    // Finished reports are published, recording their first editions, as the content guide says.
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'tools/publish-report.ts'), '--all', '--dir', reports],
      // The lock it holds is that of the site built next.
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OUT_DIR: outDir } },
    );
    const result = runBuild(outDir, { REPORTS_DIR: reports }, ['--local', '--drafts']);
    output = result.output;
    expect(result.status, output).toBe(0);
  });

  it('builds, published when its date is known, without the publisher editing a file', () => {
    for (const folder of ['2025-cq-amr', '2024-moj']) {
      const $ = load(readFileSync(path.join(outDir, 'reports', folder, 'index.html'), 'utf8'));
      expect($('.draft-banner')).toHaveLength(0);
    }
    const $ = load(readFileSync(path.join(outDir, 'reports/2025-cq-amr/index.html'), 'utf8'));
    expect($('h1').text()).toContain('重庆市市场监督管理局关于2025年法治政府建设情况的报告');
    expect(existsSync(path.join(outDir, 'reports/2025-cq-amr/s1-1/index.html'))).toBe(true);
  });

  it('builds as a draft when its date is missing', () => {
    const $ = load(readFileSync(path.join(outDir, 'reports/2022-zhaoxian/index.html'), 'utf8'));
    expect($('.draft-banner').text()).toContain('草稿');
    expect($('h1').text()).toContain('赵县人民政府2022年度法治政府建设情况报告');
  });
});
