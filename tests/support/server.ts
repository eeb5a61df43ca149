import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './dist.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
};

export interface StaticServer {
  /** The site's address, ending with the mount path (e.g. http://127.0.0.1:PORT/). */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Mount path, so a site built for a sub-path is tested where it will live. */
  base?: string;
  /**
   * Gzip text responses and send Cache-Control as a production host would, so that byte counts
   * and warm-cache timings mean something. Off for tests: streaming files is cheaper.
   */
  production?: boolean;
  /** Called with each response's URL path and body size on the wire (after gzip). */
  onResponse?: (pathname: string, bytes: number) => void;
}

/**
 * Serves a built site like a static host: directory index, 404.html for unknown paths, and a
 * mount path so sites built for a sub-path are tested where they will live.
 */
export async function serveDist(
  dist = DIST,
  { base = '/', production = false, onResponse }: ServeOptions = {},
): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const resolve = (): string | undefined => {
      if (!pathname.startsWith(base)) return undefined;
      const file = path.join(dist, pathname.slice(base.length));
      if (!file.startsWith(dist)) return undefined;
      if (existsSync(file) && statSync(file).isFile()) return file;
      const index = path.join(file, 'index.html');
      if (existsSync(index)) return index;
      return undefined;
    };
    const file = resolve();
    if (file && pathname.endsWith('/') === false && file.endsWith('index.html')) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const target = file ?? path.join(dist, '404.html');
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    if (!production && !onResponse) {
      res.writeHead(status, { 'content-type': type });
      createReadStream(target).pipe(res);
      return;
    }
    const body = readFileSync(target);
    const gzip =
      production &&
      /text|javascript|json|svg/.test(type) &&
      /gzip/.test(String(req.headers['accept-encoding']));
    const out = gzip ? zlib.gzipSync(body, { level: 6 }) : body;
    onResponse?.(pathname, out.length);
    res.writeHead(status, {
      'content-type': type,
      ...(production ? { 'cache-control': 'public, max-age=600' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
