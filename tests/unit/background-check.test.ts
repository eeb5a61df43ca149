import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_PATHS, type ContentPaths } from '../../src/data/paths.ts';
import { ContentError } from '../../src/lib/content/errors.ts';
import {
  checkedContent,
  checkInBackground,
  contentErrors,
  contentGateIntegration,
} from '../../src/node/background-check.ts';
import { printedAddresses } from '../../src/node/qr-warmup.ts';
import { decodeQrImage } from '../support/qr.ts';

// The build checks content on a thread of its own while Astro loads the site: it must find what
// the check on the build's own thread finds, in the bytes the build's fingerprint read.
const ROOT = path.resolve(import.meta.dirname, '../..');
const VALID = path.join(import.meta.dirname, '../fixtures/valid/2024-test-agency');
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-background-check-'));
const reports = path.join(scratch, 'reports');
const paths: ContentPaths = { ...CONTENT_PATHS, reportsDir: reports };

/** Every file under the reports folder, read as the build's fingerprint reads them. */
function readAll(): Map<string, Buffer> {
  const read = new Map<string, Buffer>();
  for (const folder of readdirSync(reports))
    for (const name of readdirSync(path.join(reports, folder))) {
      const file = path.join(reports, folder, name);
      if (statSync(file).isFile()) read.set(file, readFileSync(file));
    }
  return read;
}

beforeAll(() => {
  vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache'));
  cpSync(VALID, path.join(reports, '2024-test-agency'), { recursive: true });
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the content check beside the build', () => {
  it('passes valid content, and refuses what the check on this thread refuses', async () => {
    const read = readAll();
    expect(await checkInBackground({ paths, cwd: ROOT, read }).issues).toEqual([]);
    // The fingerprint read a report with a script in it; the disk holds the valid file again.
    const s2 = path.join(reports, '2024-test-agency', 's2.md');
    read.set(s2, Buffer.from(`${read.get(s2)!.toString('utf8')}\n<script>alert(1)</script>\n`));
    const here = await contentErrors({ paths, cwd: ROOT, read });
    expect(here.some((issue) => issue.file.endsWith('s2.md'))).toBe(true);
    expect(await checkInBackground({ paths, cwd: ROOT, read }).issues).toEqual(here);
  }, 60_000);

  it('once content has passed, draws the QR code of every report and section page into the build cache', async () => {
    const cache = path.join(scratch, 'qr-cache');
    vi.stubEnv('FZZF_CACHE_DIR', cache);
    const site = 'https://www.example.gov.cn/fzzf/';
    const check = checkInBackground({
      paths,
      cwd: ROOT,
      read: readAll(),
      qrCodes: { siteUrl: site },
    });
    expect(await check.issues).toEqual([]);
    await check.qrCodes;
    const [file] = readdirSync(cache).filter((name) => /^qr-[0-9a-f]+\.json$/.test(name));
    const codes = JSON.parse(readFileSync(path.join(cache, file!), 'utf8')) as Record<
      string,
      { src: string }
    >;
    const { content } = await checkedContent({ paths, cwd: ROOT, read: readAll() });
    const addresses = printedAddresses(content, site);
    expect(addresses).toContain(`${site}reports/2024-test-agency/`);
    expect(addresses).toContain(`${site}reports/2024-test-agency/s1/`);
    expect(addresses).toHaveLength(content.reports.length + content.sections.length);
    expect(Object.keys(codes).sort()).toEqual([...addresses].sort());
    for (const address of addresses) expect(decodeQrImage(codes[address]!.src)).toBe(address);
  }, 60_000);

  it('draws no QR code for content the check refuses', async () => {
    const cache = path.join(scratch, 'qr-cache-refused');
    vi.stubEnv('FZZF_CACHE_DIR', cache);
    const read = readAll();
    const s2 = path.join(reports, '2024-test-agency', 's2.md');
    read.set(s2, Buffer.from(`${read.get(s2)!.toString('utf8')}\n<script>alert(1)</script>\n`));
    const check = checkInBackground({ paths, cwd: ROOT, read, qrCodes: { siteUrl: undefined } });
    expect((await check.issues).length).toBeGreaterThan(0);
    await check.qrCodes;
    expect(
      existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith('qr-')) : [],
    ).toEqual([]);
  }, 60_000);

  it("then recompresses the search engine's WebAssembly into the build cache, for passed content only", async () => {
    const wasmFiles = (cache: string) =>
      existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith('zopfli-wasm-')) : [];
    const passed = path.join(scratch, 'engine-cache');
    vi.stubEnv('FZZF_CACHE_DIR', passed);
    const check = checkInBackground({ paths, cwd: ROOT, read: readAll(), searchEngine: true });
    expect(await check.issues).toEqual([]);
    await check.searchEngine;
    const [file] = wasmFiles(passed);
    const entries = JSON.parse(readFileSync(path.join(passed, file!), 'utf8')) as object;
    expect(Object.keys(entries)).toHaveLength(1);

    const refused = path.join(scratch, 'engine-cache-refused');
    vi.stubEnv('FZZF_CACHE_DIR', refused);
    const read = readAll();
    const s2 = path.join(reports, '2024-test-agency', 's2.md');
    read.set(s2, Buffer.from(`${read.get(s2)!.toString('utf8')}\n<script>alert(1)</script>\n`));
    const failing = checkInBackground({ paths, cwd: ROOT, read, searchEngine: true });
    expect((await failing.issues).length).toBeGreaterThan(0);
    await failing.searchEngine;
    expect(wasmFiles(refused)).toEqual([]);
  }, 60_000);

  it('generates pages only once the QR codes are drawn', async () => {
    let draw = (): void => undefined;
    const drawn = new Promise<void>((resolve) => {
      draw = resolve;
    });
    const plugins: { buildApp: { order: string; handler: () => Promise<void> } }[] = [];
    const setup = contentGateIntegration(Promise.resolve(), drawn).hooks['astro:config:setup'] as (
      options: unknown,
    ) => void;
    setup({
      updateConfig: (config: { vite: { plugins: typeof plugins } }) =>
        plugins.push(...config.vite.plugins),
    });
    expect(plugins).toHaveLength(1);
    expect(plugins[0]!.buildApp.order).toBe('post');
    let generated = false;
    const generating = plugins[0]!.buildApp.handler().then(() => {
      generated = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(generated).toBe(false);
    draw();
    await generating;
    expect(generated).toBe(true);
  });

  it('holds the build at its start until the check has passed, and fails it otherwise', async () => {
    const start = contentGateIntegration(Promise.resolve()).hooks[
      'astro:build:start'
    ] as () => Promise<void>;
    await expect(start()).resolves.toBeUndefined();
    const issue = { file: 'content/reports/x/report.md', field: 'title', found: '', expected: '' };
    const refused = Promise.reject(new ContentError([issue]));
    refused.catch(() => undefined);
    const gate = contentGateIntegration(refused).hooks['astro:build:start'] as () => Promise<void>;
    await expect(gate()).rejects.toBeInstanceOf(ContentError);
  });
});
