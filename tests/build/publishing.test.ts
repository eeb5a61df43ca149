import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PREVIOUS_SITE, runBuild } from '../support/build.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-publishing-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the public address', () => {
  it('is required for npm run build: without SITE_URL nothing is built and the message says why, in Chinese', () => {
    const outDir = path.join(scratch, 'dist');
    const { status, output } = runBuild(
      outDir,
      { REPORTS_DIR: 'tests/fixtures/valid', SITE_URL: '' },
      [],
    );
    expect(status).toBe(1);
    expect(output).toContain('没有设置网站地址 SITE_URL，网站没有生成。');
    expect(output).toContain('二维码');
    expect(output).toContain('SITE_URL=https://www.example.gov.cn/fzzf/ npm run build');
    expect(output).not.toMatch(/\n\s+at |Error:/);
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
  });

  it('refuses to publish placeholders, naming the file, the field and what to do', () => {
    const outDir = path.join(scratch, 'placeholder');
    const { status, output } = runBuild(outDir, { REPORTS_DIR: 'tests/fixtures/placeholder' });
    expect(status, output).toBe(1);
    expect(output).toContain('tests/fixtures/placeholder/2024-test-agency/report.md');
    expect(output).toContain('字段：indexNumber');
    expect(output).toContain('发现：占位内容 “……”');
    expect(output).toContain('draft: true');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
  });
});
