// Pieces shared by bench-scale.ts and bench-network.ts: where the shared tools live, a static
// server that behaves like a host (gzip, Cache-Control) and logs what it sends, Chromium, and a
// page-side recorder of when search results first became visible.
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The shared tools folder (corpus generator, search-eval): FZZF_SHARED, ../shared, /work/shared. */
export function sharedToolsDir(): string {
  const candidates = [
    process.env['FZZF_SHARED'],
    path.resolve(ROOT, '../shared'),
    '/work/shared',
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'tools/corpus/gen.mjs')));
  if (!found) {
    console.error(
      `The shared tools (tools/corpus/gen.mjs) were not found in: ${candidates.join(', ')}.\n` +
        'Set FZZF_SHARED to the folder that holds tools/corpus and tools/search-eval.',
    );
    process.exit(2);
  }
  return found;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the browser's. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface Sent {
  url: string;
  /** Body bytes as sent (gzip when the type compresses), headers excluded. */
  bytes: number;
  /** When the request reached the server, as epochNow(). */
  at: number;
}

export interface GzipServer {
  origin: string;
  sent: Sent[];
  /** Bytes and requests that reached the server within [from, to]. */
  between(from: number, to: number): { bytes: number; requests: number };
  close(): Promise<void>;
}

/**
 * Serves a built site as a static host would: directory index, 404.html, gzip for text and
 * `Cache-Control: max-age=600`. Compressed bodies are cached so the server's own CPU time does
 * not show up in the timings. Pagefind's files are gzipped by Pagefind and sent as they are.
 */
export async function serveGzip(dist: string): Promise<GzipServer> {
  const sent: Sent[] = [];
  const bodies = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const at = epochNow();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined = path.join(dist, pathname);
    if (!file.startsWith(dist)) file = undefined;
    else if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/'))
        return void res.writeHead(301, { location: `${pathname}/` }).end();
      file = path.join(file, 'index.html');
    }
    const status = file && existsSync(file) ? 200 : 404;
    const target = status === 200 ? file! : path.join(dist, '404.html');
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    const gzip =
      /text|javascript|json|svg|xml/.test(type) &&
      /gzip/.test(String(req.headers['accept-encoding']));
    const key = `${gzip}:${target}`;
    let body = bodies.get(key);
    if (!body) {
      const raw = readFileSync(target);
      body = gzip ? zlib.gzipSync(raw, { level: 6 }) : raw;
      bodies.set(key, body);
    }
    sent.push({ url: pathname, bytes: body.length, at });
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'public, max-age=600',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    between(from, to) {
      const hits = sent.filter((s) => s.at >= from && s.at <= to);
      return { bytes: hits.reduce((sum, s) => sum + s.bytes, 0), requests: hits.length };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium (CHROMIUM_PATH overrides), with the launch flags the browser tests use. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // No network on the build machines: keep Chromium from calling home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const RESULT_LINK = '[data-search-results][aria-busy="false"] a';
export const SUGGESTION_LINK = '[role="listbox"] a, [role="option"] a';

export interface Marks {
  /** Last `input` event in the page, as epoch milliseconds. */
  lastInput?: number;
  /** First time a result link was in the results list, not busy. */
  results?: number;
  /** First time a suggestion link under the search box was visible. */
  suggestion?: number;
  timeOrigin: number;
}

/**
 * Records, in every document of the page, the moment results and suggestions first appear.
 * Recording in the page avoids the round trip of polling from here, and lets the bytes that
 * arrive afterwards (prefetching for later queries) be told apart from those the search needed.
 */
export async function recordMarks(page: Page): Promise<void> {
  await page.addInitScript(
    ([results, suggestion]) => {
      const marks: Record<string, number> = {};
      Object.assign(window, { __benchMarks: marks });
      const now = () => performance.timeOrigin + performance.now();
      // Suggestions count only once their list has changed since the last keystroke: the list
      // for the previous prefix, still on screen, is not the answer to the query typed.
      let listChanged = false;
      const inList = (node: Node) => {
        const element = node instanceof Element ? node : node.parentElement;
        return (
          !!element?.closest('[role="listbox"]') || !!element?.querySelector('[role="listbox"]')
        );
      };
      const check = () => {
        if (!marks['results'] && document.querySelector(results)) marks['results'] = now();
        if (
          listChanged &&
          !marks['suggestion'] &&
          [...document.querySelectorAll<HTMLElement>(suggestion)].some((a) => a.checkVisibility())
        )
          marks['suggestion'] = now();
      };
      new MutationObserver((records) => {
        listChanged ||= records.some(
          (record) => inList(record.target) || [...record.addedNodes].some(inList),
        );
        check();
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      // Visibility can change through CSS alone (e.g. :focus-within), which no mutation reports.
      const frame = () => {
        check();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      document.addEventListener(
        'input',
        () => {
          marks['lastInput'] = now();
          delete marks['suggestion'];
          listChanged = false;
        },
        true,
      );
    },
    [RESULT_LINK, SUGGESTION_LINK] as const,
  );
}

export async function readMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => ({
    ...(window as unknown as { __benchMarks: Record<string, number> }).__benchMarks,
    timeOrigin: performance.timeOrigin,
  }));
}

/** Waits until the page has recorded the mark (results or suggestion); returns all marks. */
export async function waitForMark(
  page: Page,
  mark: 'results' | 'suggestion' = 'results',
  timeout = 60_000,
): Promise<Marks> {
  await page.waitForFunction(
    (name) => (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks?.[name],
    mark,
    { timeout },
  );
  return readMarks(page);
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
