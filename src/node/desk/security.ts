import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';

/**
 * The desk's safety rules, each a small function with a unit test: the desk listens on
 * 127.0.0.1 only, answers only requests that carry the secret printed at start, writes only
 * report folders under content/reports/, and accepts only small .docx, .txt and .md uploads,
 * whose names are never used as paths.
 */

/** The only address the desk listens on: other machines on the network cannot reach it. */
export const DESK_HOST = '127.0.0.1';

/** Uploads larger than this are refused before they are read (a report is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Form posts without a file are small; anything larger is refused. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

/** A new secret for each start: 128 bits, URL-safe. */
export function createSecret(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The path after the secret when `pathname` starts with /<secret>/ (compared in constant time,
 * so the secret cannot be guessed a character at a time), undefined otherwise.
 */
export function pathAfterSecret(pathname: string, secret: string): string | undefined {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return match[2] ?? '/';
}

/**
 * Whether a request's Host header names the desk itself. A web page elsewhere can make the
 * browser send requests to 127.0.0.1 under its own host name (DNS rebinding); those are refused.
 */
export function isDeskHost(host: string | undefined, port: number): boolean {
  return host === `${DESK_HOST}:${port}` || host === `localhost:${port}`;
}

/**
 * Whether a write comes from the desk's own pages: browsers send Origin with every form post;
 * a post from another site's page carries that site's origin and is refused.
 */
export function isDeskOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://${DESK_HOST}:${port}` || origin === `http://localhost:${port}`;
}

export type UploadKind = 'docx' | 'txt' | 'md';

/** The kind of an uploaded file from its name's extension, undefined for any other type. */
export function uploadKind(name: string): UploadKind | undefined {
  const extension = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'docx') return 'docx';
  if (extension === 'txt') return 'txt';
  if (extension === 'md' || extension === 'markdown') return 'md';
  return undefined;
}

/**
 * Whether the bytes can be what the name says: a .docx is a ZIP file (PK\x03\x04). Text files
 * are decoded by the importer, which refuses what it cannot read.
 */
export function contentMatchesKind(kind: UploadKind, bytes: Uint8Array): boolean {
  if (kind !== 'docx') return true;
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An uploaded file's name, safe to show and to quote in report.md: the last path segment only,
 * control and bidirectional-override characters removed, at most 100 characters. It is never
 * used to name a file on disk.
 */
export function displayName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || '未命名文件').slice(0, 100);
}

/** A report folder's name as the importer makes it: <year>-<agency id>. */
export const REPORT_FOLDER = /^[12][0-9]{3}-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The absolute path of a report folder under `reportsDir`, or undefined when `folder` is not a
 * report folder's name (a dot, a slash, anything that could reach outside).
 */
export function reportFolderPath(reportsDir: string, folder: string): string | undefined {
  if (!REPORT_FOLDER.test(folder)) return undefined;
  const root = path.resolve(reportsDir);
  const full = path.resolve(root, folder);
  return path.dirname(full) === root ? full : undefined;
}

/** A content file's name within a report folder: report.md or a section id's file. */
export function isContentFileName(name: string): boolean {
  return /^(?:report|s[1-9][0-9]*(?:-[1-9][0-9]*)?)\.md$/.test(name);
}
