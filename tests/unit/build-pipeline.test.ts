import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateReports } from '../../src/data/report-folders.ts';
import { buildCache } from '../../src/node/build-cache.ts';
import { qrImage } from '../../src/node/qr.ts';
import { decodeQrImage } from '../support/qr.ts';
import {
  buildFolders,
  forgetStaleDevStore,
  removeOtherRenderStores,
  renderVersion,
} from '../../src/node/build-folders.ts';
import { createBuildProfile, formatBuildProfile, STEPS } from '../../src/node/build-profile.ts';

describe('buildFolders', () => {
  it('names the staging folder after the output folder, the same on every run', () => {
    const first = buildFolders('/site', undefined);
    expect(first).toEqual(buildFolders('/site', undefined));
    expect(first.outDir).toBe(path.resolve('/site/dist'));
    expect(first.staging).toBe(path.resolve('/site/.dist-versions/staging'));
  });
  it("keeps Astro's default cache for dist/ and a separate one for any other output folder", () => {
    expect(buildFolders('/site', undefined).cacheDir).toBe(
      path.resolve('/site/node_modules/.astro'),
    );
    const fixture = buildFolders('/site', '/tmp/case-a/dist');
    expect(fixture.cacheDir).toMatch(/^\/site\/node_modules\/\.astro\/out-[0-9a-f]{12}$/);
    expect(fixture.staging).toBe(path.resolve('/tmp/case-a/.dist-versions/staging'));
    expect(buildFolders('/site', '/tmp/case-b/dist').cacheDir).not.toBe(fixture.cacheDir);
  });
  it('names the content store after the code that renders content, and drops older ones', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'fzzf-src-'));
    for (const folder of ['markdown', 'lib', 'i18n', 'schemas'])
      cpSync(path.join('src', folder), path.join(src, folder), { recursive: true });
    const url = pathToFileURL(`${src}/`);
    const before = renderVersion(url);
    expect(renderVersion(url)).toBe(before);
    const plugin = path.join(src, 'markdown', 'rehype-paragraph-links.ts');
    writeFileSync(plugin, `${readFileSync(plugin, 'utf8')}\n// changed\n`);
    const after = renderVersion(url);
    expect(after).not.toBe(before);

    const root = path.join(src, 'site');
    const old = buildFolders(root, undefined, before).cacheDir;
    const current = buildFolders(root, undefined, after).cacheDir;
    expect(old).toBe(path.join(root, 'node_modules', '.astro', `render-${before}`));
    expect(current).not.toBe(old);
    for (const dir of [old, current, path.join(root, 'node_modules', '.astro', 'out-0123456789ab')])
      mkdirSync(dir, { recursive: true });
    removeOtherRenderStores(current);
    expect(readdirSync(path.dirname(current)).sort()).toEqual([
      'out-0123456789ab',
      `render-${after}`,
    ]);
    rmSync(src, { recursive: true, force: true });
  });
  it("drops the dev server's content store when the render version changes", () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fzzf-dev-'));
    const store = path.join(root, '.astro', 'data-store.json');
    mkdirSync(path.dirname(store));
    writeFileSync(store, '{}');
    forgetStaleDevStore(root, 'aaa');
    expect(existsSync(store)).toBe(false);
    writeFileSync(store, '{}');
    forgetStaleDevStore(root, 'aaa');
    expect(existsSync(store)).toBe(true);
    forgetStaleDevStore(root, 'bbb');
    expect(existsSync(store)).toBe(false);
    rmSync(root, { recursive: true, force: true });
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
    expect(lines[1]).toMatch(/^ {2}内容检查（启动） +1\.00 秒 +25%$/);
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
  it('lists the content check that ran alongside the steps apart, after the total', () => {
    const lines = formatBuildProfile(
      [
        { step: STEPS.check, seconds: 0.5 },
        { step: STEPS.sync, seconds: 3.5 },
      ],
      2.25,
    ).split('\n');
    expect(lines.at(-2)).toMatch(/^ {2}合计 +4\.00 秒 +100%$/);
    expect(lines.at(-1)).toMatch(/^ {2}内容检查（与内容同步同时进行） +2\.25 秒$/);
    const columns = (line: string) =>
      line.slice(0, line.indexOf('秒')).replace(/[\u4e00-\u9fff（）、]/g, '..').length;
    expect(new Set(lines.slice(1).map(columns)).size).toBe(1);
  });
});

describe('buildCache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-cache-'));
  beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', dir));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a later build the values an earlier one saved under the same version', () => {
    const first = buildCache<{ n: number }>('test', 'v1');
    expect(first.get('a')).toBeUndefined();
    first.set('a', { n: 1 });
    first.save();
    expect(buildCache<{ n: number }>('test', 'v1').get('a')).toEqual({ n: 1 });
  });

  it('never gives a value saved under another version', () => {
    const old = buildCache<number>('versioned', 'qrcode 1.5.3');
    old.set('https://example.gov.cn/', 1);
    old.save();
    expect(buildCache<number>('versioned', 'qrcode 1.5.4').get('https://example.gov.cn/')).toBe(
      undefined,
    );
  });

  it('removes the file of an older version when it saves a newer one', () => {
    const files = () => readdirSync(dir).filter((name) => name.startsWith('superseded-'));
    const old = buildCache<number>('superseded', 'v1');
    old.set('a', 1);
    old.save();
    expect(files()).toHaveLength(1);
    const next = buildCache<number>('superseded', 'v2');
    next.set('a', 2);
    next.save();
    expect(files()).toHaveLength(1);
    expect(buildCache<number>('superseded', 'v2').get('a')).toBe(2);
  });

  it('starts empty when the file on disk is damaged', () => {
    const cache = buildCache<number>('damaged', 'v1');
    cache.set('a', 1);
    cache.save();
    const [file] = readdirSync(dir).filter((name) => name.startsWith('damaged-'));
    writeFileSync(path.join(dir, file!), '{"a": 1');
    expect(buildCache<number>('damaged', 'v1').get('a')).toBeUndefined();
  });
  it('draws the same QR code from the cache as it computed, and it decodes to the URL', () => {
    const url = `https://www.example.gov.cn/reports/2024-test-agency/s${Date.now()}/`;
    const computed = qrImage(url);
    expect(qrImage(url)).toEqual(computed);
    expect(decodeQrImage(computed.src)).toBe(url);
  });
});

describe('content check cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-check-'));
  beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(dir, 'cache')));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a problem added to a file it already checked, and forgets it once fixed', async () => {
    const reports = path.join(dir, 'reports');
    cpSync('tests/fixtures/valid', reports, { recursive: true });
    const file = path.join(reports, '2024-test-agency', 's1-1.md');
    const original = readFileSync(file, 'utf8');
    expect(await validateReports(reports, dir)).toEqual([]);
    expect(await validateReports(reports, dir)).toEqual([]);

    writeFileSync(file, `${original}\n<div>原样的 HTML</div>\n`);
    const issues = await validateReports(reports, dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: path.join('reports', '2024-test-agency', 's1-1.md') });

    writeFileSync(file, original);
    expect(await validateReports(reports, dir)).toEqual([]);
  });
});
