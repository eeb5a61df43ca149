import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  chooseEncoding,
  compressOnTheFly,
  PRECOMPRESSED_SUFFIX,
} from '../../src/node/compression.ts';
import { contentType, resolveRequest } from '../../src/node/static-server.ts';
import { DIST } from './dist.ts';

export interface StaticServer {
  /** The site's address, ending with the mount path (e.g. http://127.0.0.1:PORT/). */
  url: string;
  close(): Promise<void>;
}

/** One response of the server, for benchmarks that count bytes and time requests. */
export interface Response {
  /** The URL path requested. */
  url: string;
  /** Body bytes as sent (after Brotli or gzip), headers excluded. */
  bytes: number;
  /** When the request reached the server, in epoch milliseconds (performance.timeOrigin based). */
  at: number;
}

export interface ServeOptions {
  /** Mount path, so a site built for a sub-path is tested where it will live. */
  base?: string;
  /**
   * Compress text responses (Brotli or gzip) and send Cache-Control as a production host would, so that byte counts
   * and warm-cache timings mean something. Compressed bodies are kept, so the server's own CPU
   * time stays out of the timings. Off for tests: streaming files is cheaper.
   */
  production?: boolean;
  /** Called for each response. */
  onResponse?: (response: Response) => void;
  /** Sent with every response, e.g. the Content-Security-Policy a host is told to set. */
  headers?: Record<string, string>;
}

/**
 * Serves a built site like a static host: directory index, 404.html for unknown paths, and a
 * mount path so sites built for a sub-path are tested where they will live.
 */
export async function serveDist(
  dist = DIST,
  { base = '/', production = false, onResponse, headers = {} }: ServeOptions = {},
): Promise<StaticServer> {
  const root = path.resolve(dist);
  const bodies = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const at = performance.timeOrigin + performance.now();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '/';
    }
    // The same answers as `npm run preview` and the shipped nginx configuration.
    const answer = resolveRequest(root, base, pathname);
    if ('redirect' in answer) {
      res.writeHead(301, { location: answer.redirect }).end();
      return;
    }
    const { file: target, found } = answer;
    const status = found ? 200 : 404;
    const type = contentType(target);
    if (!production && !onResponse) {
      res.writeHead(status, { ...headers, 'content-type': type });
      createReadStream(target).pipe(res);
      return;
    }
    // Compressed as the shipped nginx configuration does (src/node/compression.ts): a
    // precompressed `.br` beside the file when there is one, else Brotli or gzip on the fly at
    // nginx's levels. Pagefind's own files are gzipped already and sent as they are.
    const stored = `${target}${PRECOMPRESSED_SUFFIX}`;
    const precompressed = production && existsSync(stored);
    const encoding = production
      ? chooseEncoding(req.headers['accept-encoding'], type, statSync(target).size, precompressed)
      : undefined;
    const key = `${encoding}:${target}`;
    let out = bodies.get(key);
    if (!out) {
      // Read once per file and encoding: the kept body is what later requests get.
      out =
        encoding === 'br' && precompressed
          ? readFileSync(stored)
          : encoding
            ? compressOnTheFly(readFileSync(target), encoding)
            : readFileSync(target);
      if (production) bodies.set(key, out);
    }
    onResponse?.({ url: pathname, bytes: out.length, at });
    res.writeHead(status, {
      ...headers,
      'content-type': type,
      ...(production ? { 'cache-control': 'public, max-age=600', vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        // Keep-alive connections would hold the server open until they time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP port free on 127.0.0.1 now, for servers started in another process (dev server, nginx). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
