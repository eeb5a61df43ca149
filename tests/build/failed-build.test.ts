import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PREVIOUS_SITE, runBuild } from '../support/build.ts';

// Each fixture under tests/fixtures is a tiny content folder built on its own into a scratch
// output folder that already holds a "previous site", which a failed build must leave alone.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const buildFixture = (name: string) =>
  runBuild(path.join(scratch, name, 'dist'), { REPORTS_DIR: `tests/fixtures/${name}` });

function expectFailure(name: string, ...expected: string[]) {
  const { status, output, outDir } = buildFixture(name);
  expect(status, output).toBe(1);
  for (const text of expected) expect(output).toContain(text);
  expect(output).toContain('上一次成功生成的网站');
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
  expect(readdirSync(path.dirname(outDir)).filter((entry) => entry.startsWith('.dist-'))).toEqual(
    [],
  );
}

describe('a build with bad content', () => {
  it('stops on numbering that does not match the order, naming file, field, found and expected', () => {
    expectFailure(
      'bad-numbering',
      'tests/fixtures/bad-numbering/2024-test-agency/s1-1.md',
      '字段：numbering',
      '发现：“(二)”',
      '应为：“（一）”',
    );
  });

  it('stops on a date that does not exist', () => {
    expectFailure(
      'bad-date',
      'tests/fixtures/bad-date/2024-test-agency/report.md',
      '字段：published',
      '2024-02-30',
      'YYYY-MM-DD',
    );
  });

  it('stops on a section outside any report', () => {
    expectFailure(
      'orphan-section',
      'tests/fixtures/orphan-section/2025-test-agency/s2.md',
      'report.md',
    );
  });

  it('refuses raw HTML in Markdown and names the file', () => {
    expectFailure('raw-html', 'raw-html/2024-test-agency/s2.md', '不允许在 Markdown 中直接写 HTML');
  });

  it('refuses a javascript: link', () => {
    expectFailure('script-link', 'script-link/2024-test-agency/s2.md', '链接地址不安全');
  });

  it('refuses a script element in MDX', () => {
    expectFailure('mdx-script', 'mdx-script/2024-test-agency/s2.mdx', '<script>');
  });
});

describe('a build with good content', () => {
  it('replaces the previous site only when complete', () => {
    const { status, output, outDir } = buildFixture('valid');
    expect(status, output).toBe(0);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain(
      '测试局2024年法治政府建设情况',
    );
    expect(existsSync(path.join(outDir, 'reports/2024-test-agency/index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    const report = readFileSync(path.join(outDir, 'reports/2024-test-agency/index.html'), 'utf8');
    // remark-cjk-friendly: bold that ends in a quotation mark before Chinese text still renders.
    expect(report).toContain('<strong>“守护钱袋子”</strong>电信');
    expect(report).toContain('TEST-2025-001');
  });
});
