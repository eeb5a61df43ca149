import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  minifyEngine,
  minifyModule,
  recompressGzip,
  recompressWasm,
  warmWasm,
} from '../../src/node/engine-files.ts';
import { RECORD_LANGUAGE } from '../../src/node/page-records.ts';
import { scratchDir } from '../support/scratch.ts';

// Shaped like Pagefind's engine: module state, an async API and a re-export list at the end.
const ENGINE = `
const pagefind_version = "1.6.0";
let instance_state = { initialised: false, options: {} };
function describeTerm(searchTerm) {
  const normalisedTerm = searchTerm.trim().toLowerCase();
  return { term: normalisedTerm, version: pagefind_version };
}
async function search(searchTerm, searchOptions = {}) {
  instance_state.initialised = true;
  return { ...describeTerm(searchTerm), options: searchOptions, state: instance_state.initialised };
}
const options = async (newOptions) => { Object.assign(instance_state.options, newOptions); return instance_state.options; };
export { search, options };
`;

const load = async (code: string) =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    search(term: string, options?: object): Promise<unknown>;
    options(options: object): Promise<unknown>;
  };

describe('minifyModule', () => {
  it('keeps the exports and what they do, in less code', async () => {
    const small = await minifyModule('engine.js', ENGINE);
    expect(small.length).toBeLessThan(ENGINE.length * 0.8);
    const [before, after] = await Promise.all([load(ENGINE), load(small)]);
    expect(Object.keys(after).sort()).toEqual(['options', 'search']);
    expect(await after.search(' 一网通办 ', { page: 1 })).toEqual(
      await before.search(' 一网通办 ', { page: 1 }),
    );
    expect(await after.options({ excerptLength: 30 })).toEqual(
      await before.options({ excerptLength: 30 }),
    );
  });

  it('refuses code it cannot parse rather than writing it half-minified', async () => {
    await expect(minifyModule('broken.js', 'export const = ;')).rejects.toThrow(/broken\.js/);
  });
});

describe('minifyEngine', () => {
  it('rewrites pagefind.js in place, and leaves a folder without one alone', async () => {
    const dir = scratchDir('fzzf-engine-');
    await minifyEngine(dir);
    writeFileSync(path.join(dir, 'pagefind.js'), ENGINE);
    await minifyEngine(dir);
    const written = readFileSync(path.join(dir, 'pagefind.js'), 'utf8');
    expect(written).toBe(await minifyModule('pagefind.js', ENGINE));
    expect(written).not.toContain('normalisedTerm');
  });
});

describe('recompressGzip', () => {
  it('gives the same bytes in a smaller gzip stream than zlib at its best', async () => {
    const text = Buffer.from(ENGINE.repeat(40) + '法治政府建设年度报告'.repeat(200));
    const best = gzipSync(text, { level: 9 });
    const again = await recompressGzip(best);
    expect(gunzipSync(again).equals(text)).toBe(true);
    expect(again.length).toBeLessThan(best.length);
  });

  it('keeps a stream it cannot make smaller', async () => {
    const tiny = gzipSync(Buffer.from('a'), { level: 9 });
    expect((await recompressGzip(tiny)).length).toBeLessThanOrEqual(tiny.length);
  });
});

describe('recompressWasm', () => {
  // Its cache of recompressed files goes to a folder of the test's own, not the build's.
  const cacheDir = scratchDir('fzzf-wasm-cache-');
  process.env['FZZF_CACHE_DIR'] = cacheDir;

  it("rewrites Pagefind's WebAssembly files only, each to the same bytes", async () => {
    const dir = scratchDir('fzzf-wasm-');
    const wasm = Buffer.from(ENGINE.repeat(60));
    const original = gzipSync(wasm, { level: 9 });
    writeFileSync(path.join(dir, 'wasm.unknown.pagefind'), original);
    writeFileSync(path.join(dir, 'pagefind.zh-cn_1.pf_meta'), original);
    await recompressWasm(dir);
    const written = readFileSync(path.join(dir, 'wasm.unknown.pagefind'));
    expect(written.length).toBeLessThan(original.length);
    expect(gunzipSync(written).equals(wasm)).toBe(true);
    expect(readFileSync(path.join(dir, 'pagefind.zh-cn_1.pf_meta')).equals(original)).toBe(true);
  });

  it('is found in the cache for any index of the language warmWasm was given', async () => {
    const engine = await import('pagefind');
    try {
      await warmWasm(engine, RECORD_LANGUAGE);
      // An index of other records, as a group's writer writes it.
      const { index } = await engine.createIndex({});
      for (const [url, content] of [
        ['/reports/a/#s1', '全面推进一网通办，规范行政执法。'],
        ['/reports/b/#s2', '法治政府建设年度报告'],
      ])
        await index!.addCustomRecord({ url: url!, content: content!, language: RECORD_LANGUAGE });
      const dir = scratchDir('fzzf-wasm-');
      await index!.writeFiles({ outputPath: dir });
      await index!.deleteIndex();
      const wasm = readdirSync(dir).filter((name) => /^wasm\.[\w-]+\.pagefind$/.test(name));
      expect(wasm).toHaveLength(1);
      const gzipped = readFileSync(path.join(dir, wasm[0]!));
      const [file] = readdirSync(cacheDir).filter((name) => name.startsWith('zopfli-wasm-'));
      const entries = JSON.parse(readFileSync(path.join(cacheDir, file!), 'utf8')) as Record<
        string,
        string
      >;
      const cached = entries[createHash('sha256').update(gzipped).digest('hex')];
      expect(cached).toBeDefined();
      const smaller = Buffer.from(cached!, 'base64');
      expect(smaller.length).toBeLessThan(gzipped.length);
      expect(gunzipSync(smaller).equals(gunzipSync(gzipped))).toBe(true);
      // And the writer's step takes it from there: the same bytes.
      await recompressWasm(dir);
      expect(readFileSync(path.join(dir, wasm[0]!)).equals(smaller)).toBe(true);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
