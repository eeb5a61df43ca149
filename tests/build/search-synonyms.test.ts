import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PREVIOUS_SITE, runBuild } from '../support/build.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-synonyms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a build with a broken synonym list', () => {
  it('stops before building, naming the file, the fields and what they should hold, in Chinese', () => {
    const { status, output, outDir } = runBuild(path.join(scratch, 'dist'), {
      REPORTS_DIR: 'tests/fixtures/valid',
      SYNONYMS_FILE: 'tests/fixtures/bad-synonyms/synonyms.yml',
    });
    expect(status, output).toBe(1);
    expect(output).toContain('tests/fixtures/bad-synonyms/synonyms.yml');
    expect(output).toContain('字段：第 1 组 aliases');
    expect(output).toContain('至少写一个别称');
    expect(output).toContain('字段：第 2 组 aliases（第 2 项）');
    expect(output).toContain('“电信网络诈骗”已出现在第 1 组');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
  });
});
