import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import {
  minifyModule,
  recompressGzip,
  shippedIndexFiles,
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

describe('shippedIndexFiles', () => {
  // Its cache of recompressed files goes to a folder of the test's own, not the build's.
  const cacheDir = scratchDir('fzzf-wasm-cache-');
  process.env['FZZF_CACHE_DIR'] = cacheDir;
  const wasm = Buffer.from(ENGINE.repeat(60));
  const gzipped = gzipSync(wasm, { level: 9 });
  const bytes = (text: string) => new Uint8Array(Buffer.from(text));
  const given = [
    { path: 'pagefind.js', content: bytes(ENGINE) },
    { path: 'pagefind-worker.js', content: bytes('self.onmessage = () => {};') },
    { path: 'pagefind-ui.js', content: bytes('ui') },
    { path: 'pagefind-ui.css', content: bytes('.ui {}') },
    { path: 'pagefind-component-ui.js', content: bytes('ui') },
    { path: 'pagefind-modular-ui.css', content: bytes('.ui {}') },
    { path: 'pagefind-highlight.js', content: bytes('highlight') },
    { path: 'pagefind-entry.json', content: bytes('{"version":"1.6.0"}') },
    { path: 'wasm.unknown.pagefind', content: new Uint8Array(gzipped) },
    { path: 'pagefind.zh-cn_1.pf_meta', content: new Uint8Array(gzipped) },
    { path: 'fragment/zh-cn_1.pf_fragment', content: bytes('fragment') },
    // Not Pagefind's interface: only its own top-level files are left out.
    { path: 'fragment/pagefind-ui.js', content: bytes('data') },
  ];
  const byPath = (files: { path: string; content: Uint8Array }[]) =>
    new Map(files.map((file) => [file.path, Buffer.from(file.content)]));

  it('for the primary index: the engine minified with a Brotli copy, no interfaces, the WebAssembly recompressed to the same bytes', async () => {
    const shipped = byPath(await shippedIndexFiles(given, true));
    expect([...shipped.keys()].sort()).toEqual([
      'fragment/pagefind-ui.js',
      'fragment/zh-cn_1.pf_fragment',
      'pagefind-entry.json',
      'pagefind-worker.js',
      'pagefind.js',
      'pagefind.js.br',
      'pagefind.zh-cn_1.pf_meta',
      'wasm.unknown.pagefind',
    ]);
    const engine = shipped.get('pagefind.js')!;
    expect(engine.toString('utf8')).toBe(await minifyModule('pagefind.js', ENGINE));
    expect(engine.toString('utf8')).not.toContain('normalisedTerm');
    expect(brotliDecompressSync(shipped.get('pagefind.js.br')!).equals(engine)).toBe(true);
    const smaller = shipped.get('wasm.unknown.pagefind')!;
    expect(smaller.length).toBeLessThan(gzipped.length);
    expect(gunzipSync(smaller).equals(wasm)).toBe(true);
    // Everything else as Pagefind gave it.
    expect(shipped.get('pagefind.zh-cn_1.pf_meta')!.equals(gzipped)).toBe(true);
    expect(shipped.get('fragment/zh-cn_1.pf_fragment')!.toString()).toBe('fragment');
  });

  it('for a nested index: without the engine scripts', async () => {
    const shipped = byPath(await shippedIndexFiles(given, false));
    expect(shipped.has('pagefind.js')).toBe(false);
    expect(shipped.has('pagefind.js.br')).toBe(false);
    expect(shipped.has('pagefind-worker.js')).toBe(false);
    expect(shipped.has('wasm.unknown.pagefind')).toBe(true);
    expect(shipped.has('pagefind-entry.json')).toBe(true);
  });

  it('refuses a file outside the index folder', async () => {
    for (const outside of [
      '../escape.json',
      '/etc/escape.json',
      'fragment/../../escape.json',
      'C:\\escape.json',
      '',
      'fragment/..',
    ])
      await expect(
        shippedIndexFiles([{ path: outside, content: bytes('x') }], true),
      ).rejects.toThrow(/outside/);
  });

  it('ships from the same files Pagefind itself would write', async () => {
    // The writers take the index in memory (getFiles) instead of Pagefind's writeFiles: this
    // Pagefind must give the same paths and bytes both ways.
    const engine = await import('pagefind');
    try {
      const { index } = await engine.createIndex({});
      for (const [url, content] of [
        ['/reports/a/#s1', '全面推进一网通办，规范行政执法。'],
        ['/reports/b/#s2', '法治政府建设年度报告'],
      ])
        await index!.addCustomRecord({
          url: url!,
          content: content!,
          language: RECORD_LANGUAGE,
          meta: { title: content! },
          filters: { year: ['2024'] },
        });
      const { files } = await index!.getFiles();
      const dir = scratchDir('fzzf-pagefind-');
      await index!.writeFiles({ outputPath: dir });
      await index!.deleteIndex();
      const written = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
      expect(files.map((file) => file.path).sort()).toEqual(written);
      for (const file of files)
        expect(Buffer.from(file.content).equals(readFileSync(path.join(dir, file.path)))).toBe(
          true,
        );
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("finds Pagefind's WebAssembly in the cache for any index of the language warmWasm was given", async () => {
    const engine = await import('pagefind');
    try {
      await warmWasm(engine, RECORD_LANGUAGE);
      // An index of other records, as a group's writer has it.
      const { index } = await engine.createIndex({});
      for (const [url, content] of [
        ['/reports/a/#s1', '全面推进一网通办，规范行政执法。'],
        ['/reports/b/#s2', '法治政府建设年度报告'],
      ])
        await index!.addCustomRecord({ url: url!, content: content!, language: RECORD_LANGUAGE });
      const { files } = await index!.getFiles();
      await index!.deleteIndex();
      const wasmFiles = files.filter((file) => /^wasm\.[\w-]+\.pagefind$/.test(file.path));
      expect(wasmFiles).toHaveLength(1);
      const original = Buffer.from(wasmFiles[0]!.content);
      const [file] = readdirSync(cacheDir).filter((name) => name.startsWith('zopfli-wasm-'));
      const entries = JSON.parse(readFileSync(path.join(cacheDir, file!), 'utf8')) as Record<
        string,
        string
      >;
      const cached = entries[createHash('sha256').update(original).digest('hex')];
      expect(cached).toBeDefined();
      const smaller = Buffer.from(cached!, 'base64');
      expect(smaller.length).toBeLessThan(original.length);
      expect(gunzipSync(smaller).equals(gunzipSync(original))).toBe(true);
      // And the writer's step takes it from there: the same bytes.
      const shipped = byPath(await shippedIndexFiles(wasmFiles, false));
      expect(shipped.get(wasmFiles[0]!.path)!.equals(smaller)).toBe(true);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
