import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolders } from '../../src/node/build-folders.ts';
import { createBuildProfile, formatBuildProfile, STEPS } from '../../src/node/build-profile.ts';

describe('buildFolders', () => {
  it('names the staging folder after the output folder, the same on every run', () => {
    const first = buildFolders('/site', undefined);
    expect(first).toEqual(buildFolders('/site', undefined));
    expect(first.outDir).toBe(path.resolve('/site/dist'));
    expect(first.staging).toBe(path.resolve('/site/.dist-staging'));
    expect(first.previous).toBe(path.resolve('/site/.dist-previous'));
  });
  it("keeps Astro's default cache for dist/ and a separate one for any other output folder", () => {
    expect(buildFolders('/site', undefined).cacheDir).toBe(
      path.resolve('/site/node_modules/.astro'),
    );
    const fixture = buildFolders('/site', '/tmp/case-a/dist');
    expect(fixture.cacheDir).toBe(path.resolve('/tmp/case-a/.astro-cache-dist'));
    expect(fixture.staging).toBe(path.resolve('/tmp/case-a/.dist-staging'));
    expect(buildFolders('/site', '/tmp/case-b/dist').cacheDir).not.toBe(fixture.cacheDir);
  });
});

describe('build profile', () => {
  it('times each step from its mark to the next, the first from process start', () => {
    let now = 0;
    const profile = createBuildProfile(() => now);
    now = 500;
    profile.mark(STEPS.check);
    now = 2000;
    profile.mark(STEPS.pages);
    now = 2250;
    expect(profile.steps()).toEqual([
      { step: STEPS.start, seconds: 0.5 },
      { step: STEPS.check, seconds: 1.5 },
      { step: STEPS.pages, seconds: 0.25 },
    ]);
  });
  it('prints seconds and shares in aligned columns, with the total last', () => {
    const table = formatBuildProfile([
      { step: STEPS.check, seconds: 1 },
      { step: STEPS.pages, seconds: 3 },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('构建耗时（按步骤）：');
    expect(lines[1]).toMatch(/^ {2}内容检查 +1\.00 秒 +25%$/);
    expect(lines[2]).toMatch(/^ {2}生成页面 +3\.00 秒 +75%$/);
    expect(lines[3]).toMatch(/^ {2}合计 +4\.00 秒 +100%$/);
    // Chinese labels are two columns a character wide, so the figures line up on screen.
    const columns = (line: string) =>
      [...line.slice(0, line.indexOf('秒'))].reduce(
        (sum, char) => sum + (/[\u4e00-\u9fff（）]/.test(char) ? 2 : 1),
        0,
      );
    expect(new Set(lines.slice(1).map(columns)).size).toBe(1);
  });
});
