import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFolders } from '../../src/node/build-folders.ts';
import { ROOT } from '../support/dist.ts';

// Building again after adding a report (the next year of an agency already published) copies
// unchanged pages from Astro's cache, and must give exactly what a clean build gives. Building
// with nothing changed leaves the live site as it is.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const FIXTURE = path.join(ROOT, 'tests/fixtures/portal/reports');
const ADDED = '2023-alpha-justice';
const reports = path.join(scratch, 'reports');

function build(outDir: string) {
  const result = spawnSync(process.execPath, ['tools/build.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CI: '1',
      OUT_DIR: outDir,
      REPORTS_DIR: reports,
      SITE_CONFIG: 'tests/fixtures/portal/site.yml',
      SITE_URL: 'https://www.example.gov.cn/fzzf/',
      // Astro's log names each page it copied from its cache "(restored)".
      BUILD_LOG: 'info',
    },
    encoding: 'utf8',
  });
  // Astro colours its log; the page names are read without the colour codes.
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/\u001b\[[\d;]*m/g, '');
  return { status: result.status, output: plain(`${result.stdout}\n${result.stderr}`) };
}

/** Every file of a built site with a hash of its bytes. */
function tree(dist: string): Record<string, string> {
  const files: Record<string, string> = {};
  const real = path.resolve(path.dirname(dist), readlinkSync(dist));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        files[path.relative(real, full)] = createHash('sha256')
          .update(readFileSync(full))
          .digest('hex');
    }
  };
  walk(real);
  return files;
}

const incremental = path.join(scratch, 'incremental', 'dist');
let added: { status: number | null; output: string };
let firstSite: Record<string, string>;
let firstVersion: string;

beforeAll(() => {
  cpSync(FIXTURE, reports, { recursive: true, filter: (source) => !source.includes(ADDED) });
  const first = build(incremental);
  expect(first.status, first.output).toBe(0);
  firstSite = tree(incremental);
  firstVersion = path.basename(readlinkSync(incremental));
  cpSync(path.join(FIXTURE, ADDED), path.join(reports, ADDED), { recursive: true });
  added = build(incremental);
  expect(added.status, added.output).toBe(0);
}, 300_000);

describe('building again', () => {
  it('after adding a report, copies the pages it does not change and renders those it does', () => {
    const restored = (page: string) =>
      new RegExp(`${page.replaceAll('/', '\\/')}\\S* \\(restored\\)`).test(added.output);
    expect(restored('/reports/2021-beta-market/index.html')).toBe(true);
    expect(restored('/reports/2023-beta-market/s1/index.html')).toBe(true);
    // The new report, and its previous year, which now links to it.
    expect(restored(`/reports/${ADDED}/`)).toBe(false);
    expect(restored('/reports/2022-alpha-justice/index.html')).toBe(false);
    expect(
      readFileSync(path.join(incremental, 'reports/2022-alpha-justice/index.html'), 'utf8'),
    ).toContain(`/fzzf/reports/${ADDED}/`);
  });

  it('after adding a report, publishes exactly the bytes a clean build publishes', () => {
    const clean = path.join(scratch, 'clean', 'dist');
    const result = build(clean);
    expect(result.status, result.output).toBe(0);
    expect(tree(incremental)).toEqual(tree(clean));
  }, 300_000);

  it('renders a changed page into a new file, never into the copy the live site serves', () => {
    // The replaced version waits in the trash until the next build: byte for byte as it was
    // served, although unchanged pages are shared with Astro's cache and the new version.
    const { trash } = buildFolders(ROOT, incremental);
    const replaced = readdirSync(trash).find((entry) => entry.startsWith(firstVersion));
    expect(replaced).toBeDefined();
    const link = path.join(scratch, 'replaced');
    symlinkSync(path.join(trash, replaced!), link);
    expect(tree(link)).toEqual(firstSite);
  });

  it('with nothing changed, leaves the live site as it is', () => {
    const live = readlinkSync(incremental);
    const result = build(incremental);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('内容和程序自上次生成以来都没有变化，网站保持不变');
    expect(readlinkSync(incremental)).toBe(live);
  });
});
