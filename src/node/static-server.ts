import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CACHE_CONTROL, isHashedAsset, SECURITY_HEADERS } from '../lib/security/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

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
    if (pathname === base.replace(/\/$/, '')) {
      res.writeHead(301, { ...headers, location: base }).end();
      return;
    }
    const underBase = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    let file = underBase === undefined ? undefined : path.join(root, underBase);
    if (file && !file.startsWith(root)) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { ...headers, location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    const found = file !== undefined && existsSync(file) && statSync(file).isFile();
    const target = found ? file! : path.join(root, '404.html');
    headers['Content-Type'] = TYPES[path.extname(target)] ?? 'application/octet-stream';
    headers['Cache-Control'] =
      found && isHashedAsset(underBase ?? '') ? CACHE_CONTROL.hashed : CACHE_CONTROL.short;
    res.writeHead(found ? 200 : 404, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  });
}
