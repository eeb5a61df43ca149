import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISH_STEPS } from '../../src/node/publish.ts';
import { makePreviousSite, runBuildAsync, treeDigest } from '../support/catalogue.ts';
import { ROOT } from '../support/dist.ts';

// Publishing is killed at every step boundary: dist/ must then hold the old site or the new one,
// whole, and the next build must clean up whatever the killed one left.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-publish-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function publish(outDir: string, site: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['tests/support/publish-child.ts'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: outDir, SITE: site, ...env },
    encoding: 'utf8',
  });
}

/** The site dist/ serves, read as a server would: undefined when there is none. */
function served(outDir: string): string | undefined {
  const index = path.join(outDir, 'index.html');
  if (!existsSync(index)) return undefined;
  const reports = readFileSync(path.join(outDir, 'reports', 'index.html'), 'utf8');
  const site = readFileSync(index, 'utf8');
  // A half-switched site would pair one version's home page with another's reports.
  expect(reports).toBe(`${site} reports`);
  return site;
}

function besideDist(outDir: string): string[] {
  return readdirSync(path.dirname(outDir)).sort();
}

describe('publishing', () => {
  it.each(PUBLISH_STEPS.filter((step) => step !== 'moved-legacy'))(
    'killed after %s, leaves the old or the new site whole, and the next build cleans up',
    (step) => {
      const outDir = path.join(scratch, `kill-${step}`, 'dist');
      expect(publish(outDir, 'old').status).toBe(0);
      const result = publish(outDir, 'new', { FZZF_KILL_AT: step });
      expect(result.signal).toBe('SIGKILL');
      const after = served(outDir);
      const switched = PUBLISH_STEPS.indexOf(step) >= PUBLISH_STEPS.indexOf('switched');
      expect(after).toBe(switched ? 'new' : 'old');

      expect(publish(outDir, 'next').status).toBe(0);
      expect(served(outDir)).toBe('next');
      expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
      expect(besideDist(outDir)).toEqual(['.dist-versions', 'dist']);
      expect(readdirSync(path.join(path.dirname(outDir), '.dist-versions'))).toHaveLength(1);
    },
  );

  it.each(PUBLISH_STEPS.filter((step) => step !== 'moved-legacy'))(
    'with a trash folder, killed after %s, leaves the old or the new site whole, and the next build cleans up',
    (step) => {
      const outDir = path.join(scratch, `trash-kill-${step}`, 'dist');
      const trash = path.join(scratch, `trash-kill-${step}-trash`);
      expect(publish(outDir, 'old', { TRASH: trash }).status).toBe(0);
      const result = publish(outDir, 'new', { FZZF_KILL_AT: step, TRASH: trash });
      expect(result.signal).toBe('SIGKILL');
      const switched = PUBLISH_STEPS.indexOf(step) >= PUBLISH_STEPS.indexOf('switched');
      expect(served(outDir)).toBe(switched ? 'new' : 'old');

      expect(publish(outDir, 'next', { TRASH: trash }).status).toBe(0);
      expect(served(outDir)).toBe('next');
      expect(besideDist(outDir)).toEqual(['.dist-versions', 'dist']);
      expect(readdirSync(path.join(path.dirname(outDir), '.dist-versions'))).toHaveLength(1);
      // What this build replaced waits in the trash; what was there before it is gone.
      const waiting = readdirSync(trash);
      expect(waiting.length).toBeGreaterThan(0);
      expect(publish(outDir, 'last', { TRASH: trash }).status).toBe(0);
      expect(served(outDir)).toBe('last');
      const after = readdirSync(trash);
      expect(after).toHaveLength(1);
      expect(waiting.filter((entry) => after.includes(entry))).toEqual([]);
      expect(readFileSync(path.join(trash, after[0]!, 'index.html'), 'utf8')).toBe('next');
    },
  );

  it('replaces a plain dist/ folder from an older build, and puts it back if killed between the two renames', () => {
    const outDir = path.join(scratch, 'legacy', 'dist');
    makePreviousSite(outDir);
    writeFileSync(path.join(outDir, 'reports', 'index.html'), 'previous site reports');
    const result = publish(outDir, 'new', { FZZF_KILL_AT: 'moved-legacy' });
    expect(result.signal).toBe('SIGKILL');
    // The one window the scheme cannot close: the folder has moved and the link is not in yet.
    expect(served(outDir)).toBeUndefined();
    // The next build's first act is to put it back, even when that build then fails.
    expect(publish(outDir, 'broken', { FZZF_BUILD_FAILS: '1' }).status).toBe(1);
    expect(served(outDir)).toBe('previous site');
    expect(publish(outDir, 'new').status).toBe(0);
    expect(served(outDir)).toBe('new');
  });

  it('a stale lock from a killed build does not block the next one', () => {
    const outDir = path.join(scratch, 'stale-lock', 'dist');
    expect(publish(outDir, 'old', { FZZF_KILL_AT: 'locked' }).signal).toBe('SIGKILL');
    expect(existsSync(path.join(path.dirname(outDir), '.dist.lock'))).toBe(true);
    expect(publish(outDir, 'new').status).toBe(0);
    expect(served(outDir)).toBe('new');
    expect(besideDist(outDir)).toEqual(['.dist-versions', 'dist']);
  });
});

describe('the real build', () => {
  it('an unexpected error says where its details are, with no stack trace, and changes nothing', async () => {
    const outDir = path.join(scratch, 'unexpected', 'site', 'dist');
    makePreviousSite(outDir);
    const before = treeDigest(outDir);
    const run = await runBuildAsync(outDir, {
      REPORTS_DIR: 'tests/fixtures/valid',
      FZZF_FAIL_AT: 'built',
    });
    expect(run.status).toBe(1);
    const log = path.join(path.dirname(outDir), 'build-error.log');
    expect(readFileSync(log, 'utf8')).toContain('injected failure at built');
    rmSync(log);
    expect(treeDigest(outDir)).toBe(before);
    expect(run.stderr.replaceAll(path.relative(ROOT, path.dirname(outDir)), '<site>').trim())
      .toMatchInlineSnapshot(`
      "网站生成时出现意外错误，上一次成功生成的网站（<site>/dist/）保持不变。

      错误详情已写入 <site>/build-error.log。请把这个文件发给网站技术人员。"
    `);
  });

  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EACCES', '没有写入权限'],
    ['EROFS', '没有写入权限（所在磁盘是只读的）'],
  ])(
    'a %s failure says %s and where, keeps the previous site and writes no log',
    async (code, reason) => {
      const outDir = path.join(scratch, `fs-${code}`, 'site', 'dist');
      makePreviousSite(outDir);
      const before = treeDigest(outDir);
      const run = await runBuildAsync(outDir, {
        REPORTS_DIR: 'tests/fixtures/valid',
        FZZF_FAIL_AT: 'cleaned',
        FZZF_FAIL_CODE: code,
      });
      expect(run.status).toBe(1);
      expect(treeDigest(outDir)).toBe(before);
      expect(existsSync(path.join(path.dirname(outDir), 'build-error.log'))).toBe(false);
      const site = path.relative(ROOT, path.dirname(outDir));
      expect(run.stderr).toContain(`${reason}：无法写入 ${site}/.dist-versions/index.html。`);
      expect(run.stderr).toContain('上一次成功生成的网站');
      expect(run.stderr).not.toMatch(/build-error\.log|at .*\.ts:|Error:/);
    },
  );

  it('replaces the previous site only when complete', async () => {
    const outDir = path.join(scratch, 'valid', 'dist');
    makePreviousSite(outDir);
    const run = await runBuildAsync(outDir, { REPORTS_DIR: 'tests/fixtures/valid' });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain(
      '测试局2024年法治政府建设情况',
    );
    expect(existsSync(path.join(outDir, 'reports/2024-test-agency/index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    const report = readFileSync(path.join(outDir, 'reports/2024-test-agency/index.html'), 'utf8');
    // remark-cjk-friendly: bold that ends in a quotation mark before Chinese text still renders.
    expect(report).toContain('<strong>“守护钱袋子”</strong>电信');
    expect(report).toContain('TEST-2025-001');
    expect(besideDist(outDir)).toEqual(['.dist-versions', 'dist']);
  });
});
