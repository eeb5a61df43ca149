import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * How the site's text files travel, in one place: the nginx configuration (src/node/nginx.ts)
 * sets these levels, and the server the tests and benchmarks use (tests/support/server.ts)
 * compresses the same way, so the bytes a benchmark counts are the bytes a reader's phone gets.
 *
 * Every browser that reads the site over HTTPS asks for Brotli, which sends a report page about
 * a fifth smaller than gzip; gzip stays for the rest.
 */
export const COMPRESSION = {
  /** nginx's `brotli_comp_level` for pages and data compressed as they are sent. */
  brotliLevel: 6,
  /** nginx's `gzip_comp_level`, for clients without Brotli. */
  gzipLevel: 5,
  /** Smaller bodies are sent as they are: compressing them saves less than its headers cost. */
  minLength: 512,
} as const;

/** The content types compressed on the way out; Pagefind's index files are compressed already. */
export const COMPRESSED_TYPES = [
  'text/css',
  'application/javascript',
  'text/javascript',
  'application/json',
  'image/svg+xml',
  'application/xml',
  'application/atom+xml',
  'text/plain',
  'text/markdown',
] as const;

/** True for a Content-Type (parameters allowed) that is compressed on the way out. */
export function isCompressedType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim();
  return type === 'text/html' || (COMPRESSED_TYPES as readonly string[]).includes(type);
}

/**
 * Files compressed once at build time at Brotli's best level (nginx's `brotli_static` sends
 * `<file>.br`): the stylesheets and scripts every page loads, whose names carry a content hash,
 * Pagefind's script and the site's icon. Pages are not: at one `.br` beside each page the output would grow by a
 * third, and nginx compresses a page in well under a millisecond.
 */
export const PRECOMPRESSED_SUFFIX = '.br';

const brotli = promisify(zlib.brotliCompress);

/** `bytes` at Brotli's best level, as `brotli_static` expects beside the file. */
export function brotliBest(bytes: Buffer): Promise<Buffer> {
  return brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** `bytes` as nginx compresses a response on the fly for a client that accepts `encoding`. */
export function compressOnTheFly(bytes: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: COMPRESSION.brotliLevel,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      })
    : zlib.gzipSync(bytes, { level: COMPRESSION.gzipLevel });
}

/**
 * Which encoding a response gets, as nginx chooses: a stored `.br` whenever Brotli is asked for
 * (`brotli_static` looks at nothing else), else Brotli or gzip on the fly for a compressible
 * type and size, else none.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  contentType: string,
  size: number,
  precompressed = false,
): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (precompressed && accepted.has('br')) return 'br';
  if (!isCompressedType(contentType) || size < COMPRESSION.minLength) return undefined;
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** The extensions of the files written precompressed beside themselves. */
const PRECOMPRESSED_EXTENSIONS = new Set(['.css', '.js']);

/**
 * Writes `<file>.br` beside every stylesheet and script in `dir` (not below it) that lacks one.
 * Names carry a content hash, so a `.br` already there is of the same bytes. Returns the files
 * written.
 */
export async function precompressFolder(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const present = new Set(names);
  const todo = names.filter(
    (name) =>
      PRECOMPRESSED_EXTENSIONS.has(path.extname(name)) && !present.has(name + PRECOMPRESSED_SUFFIX),
  );
  await Promise.all(todo.map((name) => precompressFile(path.join(dir, name))));
  return todo.map((name) => path.join(dir, name));
}

/** Writes `<file>.br` for one file, whatever is there already. */
export async function precompressFile(file: string): Promise<void> {
  await writeFile(file + PRECOMPRESSED_SUFFIX, await brotliBest(await readFile(file)));
}
