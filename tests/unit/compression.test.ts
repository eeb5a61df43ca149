import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseEncoding,
  COMPRESSION,
  compressOnTheFly,
  isCompressedType,
  precompressFolder,
} from '../../src/node/compression.ts';
import { nginxServerBlock } from '../../src/node/nginx.ts';

const BIG = COMPRESSION.minLength;

describe('chooseEncoding', () => {
  it('prefers Brotli, then gzip, as nginx does', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', 'text/html; charset=utf-8', BIG)).toBe('br');
    expect(chooseEncoding('gzip, deflate', 'text/css', BIG)).toBe('gzip');
    expect(chooseEncoding('identity', 'text/css', BIG)).toBeUndefined();
    expect(chooseEncoding(undefined, 'text/css', BIG)).toBeUndefined();
  });

  it('takes q=0 as a refusal', () => {
    expect(chooseEncoding('br;q=0, gzip', 'text/css', BIG)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip', 'text/css', BIG)).toBe('br');
  });

  it('sends a stored .br to any client that asks for Brotli, whatever its type and size', () => {
    expect(chooseEncoding('gzip, br', 'image/svg+xml', 200, true)).toBe('br');
    expect(chooseEncoding('gzip', 'image/svg+xml', 200, true)).toBeUndefined();
    expect(chooseEncoding('gzip', 'text/css', BIG, true)).toBe('gzip');
  });

  it('sends small bodies and compressed formats as they are', () => {
    expect(chooseEncoding('br', 'text/css', BIG - 1)).toBeUndefined();
    expect(chooseEncoding('br', 'application/octet-stream', BIG)).toBeUndefined();
    expect(chooseEncoding('br', 'application/wasm', BIG)).toBeUndefined();
    expect(isCompressedType('application/json')).toBe(true);
  });
});

describe('compressOnTheFly', () => {
  it('round-trips both encodings, Brotli the smaller on Chinese text', () => {
    const text = Buffer.from('深化公安“放管服”改革，持续优化公安法治营商环境。'.repeat(40));
    const br = compressOnTheFly(text, 'br');
    const gz = compressOnTheFly(text, 'gzip');
    expect(zlib.brotliDecompressSync(br).equals(text)).toBe(true);
    expect(zlib.gunzipSync(gz).equals(text)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
  });
});

describe('precompressFolder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .br of the same bytes beside each stylesheet and script, and nothing else', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fzzf-precompress-'));
    // A real stylesheet: Brotli's best beats its on-the-fly level on text like this.
    const css = readFileSync(path.resolve(import.meta.dirname, '../../src/styles/reading.css'));
    writeFileSync(path.join(dir, 'index.abc.css'), css);
    writeFileSync(path.join(dir, 'site.abc.js'), 'export const a = 1;');
    writeFileSync(path.join(dir, 'logo.svg'), '<svg/>');
    const written = await precompressFolder(dir);
    expect(written.map((file) => path.basename(file)).sort()).toEqual([
      'index.abc.css',
      'site.abc.js',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      'index.abc.css',
      'index.abc.css.br',
      'logo.svg',
      'site.abc.js',
      'site.abc.js.br',
    ]);
    const stored = readFileSync(path.join(dir, 'index.abc.css.br'));
    expect(zlib.brotliDecompressSync(stored).equals(css)).toBe(true);
    // At Brotli's best, smaller than what nginx makes on the fly.
    expect(stored.length).toBeLessThanOrEqual(compressOnTheFly(css, 'br').length);
    // A second run finds them there.
    expect(await precompressFolder(dir)).toEqual([]);
  });

  it('takes a missing folder as empty', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fzzf-precompress-'));
    expect(await precompressFolder(path.join(dir, 'none'))).toEqual([]);
  });
});

describe('the nginx configuration', () => {
  it('compresses at the levels the test server emulates, serving the stored .br files', () => {
    const block = nginxServerBlock();
    expect(block).toContain(`brotli_comp_level ${COMPRESSION.brotliLevel};`);
    expect(block).toContain(`gzip_comp_level ${COMPRESSION.gzipLevel};`);
    expect(block).toContain('brotli_static on;');
  });
});
