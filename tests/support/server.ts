import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
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
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site like a static host: directory index, 404.html for unknown paths, and a
 * mount path (`base`) so sites built for a sub-path are tested where they will live.
 */
export async function serveDist(
  dist = DIST,
  base = '/',
  /** Sent with every response, e.g. the Content-Security-Policy a host is told to set. */
  headers: Record<string, string> = {},
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
    res.writeHead(status, {
      ...headers,
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
