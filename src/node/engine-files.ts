import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { precompressFile } from './compression.ts';
import { minify } from 'rolldown/utils';
import type * as pagefind from 'pagefind';
import { buildCache } from './build-cache.ts';

/**
 * Pagefind's engine as the first search loads it, made smaller without changing what it does:
 * its script minified, its WebAssembly compressed harder. Both files are the same for every build
 * with the same Pagefind, so this is a fixed cost (and the WebAssembly's is cached).
 */

/**
 * Minifies an ES module's code: names mangled, whitespace and dead code dropped, its exports kept.
 */
export async function minifyModule(name: string, code: string): Promise<string> {
  const result = await minify(name, code, { module: true, compress: true, mangle: true });
  if (result.errors.length)
    throw new Error(`could not minify ${name}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.code;
}

/**
 * Pagefind writes its engine script (pagefind.js) with its own names and layout kept: minified,
 * the first search on a phone loads 2.3 KB less (13.4 → 11.0 KB gzip) of the same code.
 */
export async function minifyEngine(pagefindDir: string): Promise<void> {
  const file = path.join(pagefindDir, 'pagefind.js');
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return;
  await writeFile(file, await minifyModule('pagefind.js', source));
  // Every search loads it first: sent at Brotli's best rather than nginx's level on the fly.
  await precompressFile(file);
}

/** Zopfli's passes: its default, about a second for Pagefind's WebAssembly. */
const ZOPFLI_ITERATIONS = 15;

/**
 * The same bytes as the gzip stream `gzipped`, compressed again with Zopfli: a gzip stream any
 * reader takes, a few percent smaller than zlib's best. Returns `gzipped` when that is smaller.
 */
export async function recompressGzip(gzipped: Buffer): Promise<Buffer> {
  const again = Buffer.from(
    await gzipAsync(gunzipSync(gzipped), { numiterations: ZOPFLI_ITERATIONS }),
  );
  return again.length < gzipped.length ? again : gzipped;
}

const wasmCache = buildCache<string>('zopfli-wasm', `@gfx/zopfli 1.0.15 ${ZOPFLI_ITERATIONS}`);

/**
 * Pagefind's WebAssembly (wasm.*.pagefind, gzip inside, sent as it is) is the largest file of a
 * first search: recompressed, 55.4 → 51.6 KB. Cached by the file's hash, as Zopfli takes a second.
 */
export async function recompressWasm(pagefindDir: string): Promise<void> {
  for (const name of await readdir(pagefindDir)) {
    if (!WASM_FILE.test(name)) continue;
    const file = path.join(pagefindDir, name);
    await writeFile(file, await smallerWasm(await readFile(file)));
  }
}

const WASM_FILE = /^wasm\.[\w-]+\.pagefind$/;

/** `gzipped` recompressed (recompressGzip), from the cache when it was done before. */
async function smallerWasm(gzipped: Buffer): Promise<Buffer> {
  const key = createHash('sha256').update(gzipped).digest('hex');
  const cached = wasmCache.get(key);
  if (cached) return Buffer.from(cached, 'base64');
  const smaller = await recompressGzip(gzipped);
  wasmCache.set(key, smaller.toString('base64'));
  return smaller;
}

/**
 * Recompresses, into the cache, the WebAssembly Pagefind writes for `language` (the records' own,
 * src/node/page-records.ts), from an index of one record. The file is the same for every index
 * of one Pagefind, so the build does this while a core would otherwise wait (during Astro's
 * bundle), and each index group then finds it cached: on a clean build the groups' writers
 * otherwise each spent a second or two on it while every core was busy with pages.
 */
export async function warmWasm(engine: typeof pagefind, language: string): Promise<void> {
  const { index, errors } = await engine.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addCustomRecord({ url: '/', content: '法治政府', language });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const { files, errors: failed } = await index.getFiles();
    if (failed.length) throw new Error(failed.join('; '));
    for (const { path: name, content } of files)
      if (WASM_FILE.test(path.basename(name))) await smallerWasm(Buffer.from(content));
    wasmCache.save();
  } finally {
    await index.deleteIndex();
  }
}
