import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CACHE_CONTROL, isHashedAsset, SECURITY_HEADERS } from '../lib/security/headers.ts';

/** Content types of the files a built site holds. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export const contentType = (file: string): string =>
  CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';

/** What a request for `pathname` gets from a site built into `root` for `base`. */
export type StaticAnswer =
  | { redirect: string }
  | {
      file: string;
      found: boolean;
      /** The path below the base, when under it. */ underBase?: string;
    };

/**
 * Resolves a request as the shipped nginx configuration does: the base without its slash and a
 * folder without its slash are redirected, a folder serves its index.html, anything else that
 * is not a file (or is outside the site) gets the site's 404 page.
 */
export function resolveRequest(root: string, base: string, pathname: string): StaticAnswer {
  if (pathname === base.replace(/\/$/, '')) return { redirect: base };
  const underBase = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
  let file = underBase === undefined ? undefined : path.join(root, underBase);
  // A prefix test would let /../dist-versions/… through, since that folder's name starts with
  // dist's; only a path that stays below the root is served.
  if (file) {
    const below = path.relative(root, file);
    if (below.startsWith('..') || path.isAbsolute(below)) file = undefined;
  }
  if (file && existsSync(file) && statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    file = path.join(file, 'index.html');
  }
  const found = file !== undefined && existsSync(file) && statSync(file).isFile();
  return {
    file: found ? file! : path.join(root, '404.html'),
    found,
    ...(underBase === undefined ? {} : { underBase }),
  };
}

/**
 * The base path a built site was made for, read from its home page's canonical link (SITE_URL's
 * path), so `npm run preview` serves a sub-path build where its links point.
 */
export function builtBase(dist: string): string {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  return href ? new URL(href).pathname : '/';
}

/**
 * Serves a built site the way the shipped nginx configuration does: directory index, the site's
 * 404 page, the security headers and the same cache classes.
 */
export function createStaticServer(dist: string, base: string): http.Server {
  const root = path.resolve(dist);
  return http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '/';
    }
    const headers: Record<string, string> = Object.fromEntries(
      SECURITY_HEADERS.map(({ name, value }) => [name, value]),
    );
    const answer = resolveRequest(root, base, pathname);
    if ('redirect' in answer) {
      res.writeHead(301, { ...headers, location: answer.redirect }).end();
      return;
    }
    const { file: target, found, underBase } = answer;
    headers['Content-Type'] = contentType(target);
    headers['Cache-Control'] =
      found && isHashedAsset(underBase ?? '') ? CACHE_CONTROL.hashed : CACHE_CONTROL.short;
    res.writeHead(found ? 200 : 404, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  });
}
