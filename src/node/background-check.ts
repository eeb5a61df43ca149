import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { asBuffer } from '../data/content-bytes.ts';
import { checkContentFiles } from '../data/content-check.ts';
import type { ContentPaths } from '../data/paths.ts';
import type { LoadedContent } from '../data/report-folders.ts';
import type { ContentIssue } from '../lib/content/errors.ts';
import { beforePages } from './before-pages.ts';

/** What the check thread is given: where content is, and the bytes the fingerprint read. */
export interface CheckRequest {
  paths: ContentPaths;
  cwd: string;
  read: ReadonlyMap<string, Uint8Array>;
  /**
   * Once the content has passed, the thread draws the QR code of every page into the build
   * cache (src/node/qr-warmup.ts), for the site's public address (SITE_URL; undefined, the
   * default). Absent: no codes are drawn ahead.
   */
  qrCodes?: { siteUrl: string | undefined };
  /**
   * Then the thread recompresses Pagefind's WebAssembly into the build cache (warmWasm,
   * src/node/engine-files.ts), for the index writers to find.
   */
  searchEngine?: boolean;
}

/**
 * What the check thread posts: its errors, then, once drawn, the pages' QR codes, then once the
 * search engine's WebAssembly is recompressed.
 */
export type CheckMessage =
  { type: 'checked'; issues: ContentIssue[] } | { type: 'qr-codes' } | { type: 'search-engine' };

/** The errors of the content check of `request` (the build refuses content with any). */
export async function contentErrors(
  request: CheckRequest,
  options: { parallel?: boolean } = {},
): Promise<ContentIssue[]> {
  return (await checkedContent(request, options)).issues;
}

/** The check of `request`: its errors, and the content as read. */
export async function checkedContent(
  { paths, cwd, read }: CheckRequest,
  { parallel = true }: { parallel?: boolean } = {},
): Promise<{ issues: ContentIssue[]; content: LoadedContent }> {
  // The check decodes Buffers.
  const bytes = new Map([...read].map(([file, data]) => [file, asBuffer(data)]));
  const { problems, content } = await checkContentFiles(paths, cwd, bytes, {
    parallel,
    warnings: false,
  });
  return {
    issues: problems.map(({ severity: _severity, ...issue }) => issue),
    content,
  };
}

/** The content check under way beside the build. */
export interface BackgroundCheck {
  /** The check's errors (the build refuses content with any). */
  issues: Promise<ContentIssue[]>;
  /**
   * Settles once the thread has drawn the pages' QR codes into the build cache, or will not:
   * content refused, no `qrCodes` asked for, or no thread. Never rejects: pages draw a code the cache
   * lacks themselves.
   */
  qrCodes: Promise<void>;
  /** Settles once the thread is done with the search engine's WebAssembly, or will not be. */
  searchEngine: Promise<void>;
}

/**
 * The content check, run on a thread of its own (src/node/content-check-thread.ts) so Astro can
 * start and sync its content store meanwhile: the two together take about as long as the longer,
 * and the build waits for this answer before it bundles anything or writes a page. Should the
 * thread fail to start or stop without an answer, the check runs on this thread instead: content
 * is never published unchecked.
 */
export function checkInBackground(request: CheckRequest): BackgroundCheck {
  const { promise: qrCodes, resolve: drawn } = Promise.withResolvers<void>();
  const { promise: searchEngine, resolve: engineDone } = Promise.withResolvers<void>();
  const issues = new Promise<ContentIssue[]>((resolve, reject) => {
    let answered = false;
    const here = () => {
      drawn();
      engineDone();
      if (answered) return;
      answered = true;
      contentErrors(request).then(resolve, reject);
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./content-check-thread.ts', import.meta.url), {
        workerData: request,
      });
    } catch {
      here();
      return;
    }
    worker.on('message', (message: CheckMessage) => {
      if (message.type === 'qr-codes') drawn();
      else if (message.type === 'search-engine') engineDone();
      else if (!answered) {
        answered = true;
        resolve(message.issues);
      }
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
  return { issues, qrCodes, searchEngine };
}

/**
 * Holds the build before Astro bundles the site, let alone writes a page, until `checked`
 * settles; its rejection (the check's ContentError) fails the build. Pages are then generated
 * once `qrCodes` has settled, so that they find their codes drawn.
 */
export function contentGateIntegration(
  checked: Promise<void>,
  qrCodes: Promise<void> = Promise.resolve(),
): AstroIntegration {
  return {
    name: 'fzzf:content-gate',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [beforePages('fzzf:qr-codes', () => qrCodes)] } });
      },
      'astro:build:start': () => checked,
    },
  };
}
