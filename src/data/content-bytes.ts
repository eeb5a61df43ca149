/**
 * The bytes of the content files a build read first, for its input fingerprint (tools/build.ts),
 * lent to whatever reads content after it on the same thread: Astro's content sync, the edition
 * records, the content check. All of them then see the very bytes the check passed, even if a
 * file changes while the build runs, and no file is read twice (at thousands of reports the
 * second read was a second of the content sync). Held on the thread's global object: Astro loads
 * its own copy of this module.
 */
import type { AstroIntegration } from 'astro';

const LENT = Symbol.for('fzzf.content-bytes');

type Holder = { [LENT]?: ReadonlyMap<string, Uint8Array> | undefined };

/** Lends `bytes` (absolute path → bytes) to this thread's readers until returnContentBytes. */
export function lendContentBytes(bytes: ReadonlyMap<string, Uint8Array>): void {
  (globalThis as Holder)[LENT] = bytes;
}

/** Ends the loan: readers go to the disk again, and the bytes can be let go. */
export function returnContentBytes(): void {
  delete (globalThis as Holder)[LENT];
}

/** The lent bytes of `file` (an absolute path), as a Buffer; undefined if none were lent. */
export function lentBytes(file: string): Buffer | undefined {
  const bytes = (globalThis as Holder)[LENT]?.get(file);
  return bytes && asBuffer(bytes);
}

/** `bytes` as a Buffer over the same memory: bytes that crossed a thread arrive as plain Uint8Arrays. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Lends `bytes` to Astro's content sync, for a build of that content: the loan ends once the
 * content is synced (astro:build:start), before the pages step, the build's peak of memory.
 */
export function contentBytesLoan(bytes: ReadonlyMap<string, Uint8Array>): AstroIntegration {
  lendContentBytes(bytes);
  return {
    name: 'fzzf:content-bytes',
    hooks: { 'astro:build:start': returnContentBytes },
  };
}
