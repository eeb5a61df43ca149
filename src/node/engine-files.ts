import { createHash } from 'node:crypto';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { brotliBest, PRECOMPRESSED_SUFFIX } from './compression.ts';
import { minify } from 'rolldown/utils';
import type * as pagefind from 'pagefind';
import { buildCache } from './build-cache.ts';

/**
 * An index as the site ships it, from the files Pagefind gives in memory (its getFiles): the
 * engine made smaller without changing what it does (its script minified, its WebAssembly
 * compressed harder), and nothing written that nobody loads. Both engine files are the same for
 * every build with the same Pagefind, so this is a fixed cost (and the WebAssembly's is cached).
 */

/** A file of an index: its path under the index's folder, and its bytes. */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/**
 * Pagefind's ready-made search interfaces and highlighter, beside the engine: the site has its
 * own (src/scripts/), so they would only be 430 KB of files nobody loads.
 */
const UNUSED_FILES =
  /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

/** The engine's scripts: a merged index needs only its data and WebAssembly. */
const ENGINE_SCRIPTS = new Set(['pagefind.js', 'pagefind-worker.js']);

const WASM_FILE = /^wasm\.[\w-]+\.pagefind$/;

/**
 * The files to write for the index files Pagefind gave, `engine` when the index serves the
 * engine (the primary), with the site's changes: the interfaces left out, and the engine's
 * scripts too unless `engine`; pagefind.js minified, with a Brotli copy beside it; the
 * WebAssembly recompressed. Paths stay Pagefind's; one that leaves the folder is refused.
 */
export async function shippedIndexFiles(
  files: readonly IndexFile[],
  engine: boolean,
): Promise<IndexFile[]> {
  const shipped: IndexFile[] = [];
  for (const { path: name, content } of files) {
    const normal = path.posix.normalize(name.replaceAll('\\', '/'));
    if (
      path.posix.isAbsolute(normal) ||
      /^[A-Za-z]:/.test(normal) ||
      normal.startsWith('../') ||
      normal === '..' ||
      normal === '.'
    )
      throw new Error(`Pagefind gave a file outside its folder: ${name}`);
    const topLevel = !normal.includes('/');
    if (topLevel && UNUSED_FILES.test(normal)) continue;
    if (topLevel && ENGINE_SCRIPTS.has(normal) && !engine) continue;
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (topLevel && normal === 'pagefind.js') {
      const small = Buffer.from(await minifyModule(normal, bytes.toString('utf8')));
      // Every search loads it first: sent at Brotli's best rather than nginx's level on the fly.
      shipped.push({ path: normal, content: small });
      shipped.push({ path: normal + PRECOMPRESSED_SUFFIX, content: await brotliBest(small) });
    } else if (topLevel && WASM_FILE.test(normal)) {
      shipped.push({ path: normal, content: await smallerWasm(bytes) });
    } else shipped.push({ path: normal, content: bytes });
  }
  return shipped;
}

/**
 * Minifies an ES module's code: names mangled, whitespace and dead code dropped, its exports kept.
 * Pagefind's engine script (pagefind.js) keeps its own names and layout: minified, the first
 * search on a phone loads 2.3 KB less (13.4 → 11.0 KB gzip) of the same code.
 */
export async function minifyModule(name: string, code: string): Promise<string> {
  const result = await minify(name, code, { module: true, compress: true, mangle: true });
  if (result.errors.length)
    throw new Error(`could not minify ${name}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.code;
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
      if (WASM_FILE.test(name)) await smallerWasm(Buffer.from(content));
    wasmCache.save();
  } finally {
    await index.deleteIndex();
  }
}
