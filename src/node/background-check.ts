import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { checkContentFiles, errorsOf } from '../data/content-check.ts';
import type { ContentPaths } from '../data/paths.ts';
import type { ContentIssue } from '../lib/content/errors.ts';

/** What the check thread is given: where content is, and the bytes the fingerprint read. */
export interface CheckRequest {
  paths: ContentPaths;
  cwd: string;
  read: ReadonlyMap<string, Uint8Array>;
}

/** The errors of the content check of `request` (the build refuses content with any). */
export async function contentErrors(
  { paths, cwd, read }: CheckRequest,
  { parallel = true }: { parallel?: boolean } = {},
): Promise<ContentIssue[]> {
  // Bytes that crossed a thread arrive as plain Uint8Arrays: the check decodes Buffers.
  const bytes = new Map(
    [...read].map(([file, data]) => [
      file,
      Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    ]),
  );
  return errorsOf((await checkContentFiles(paths, cwd, bytes, { parallel })).problems).map(
    ({ severity: _severity, ...issue }) => issue,
  );
}

/**
 * The content check, run on a thread of its own (src/node/content-check-thread.ts) so Astro can
 * start and sync its content store meanwhile: the two together take about as long as the longer,
 * and the build waits for this answer before it bundles anything or writes a page. Should the thread fail to start
 * or stop without an answer, the check runs on this thread instead: content is never published
 * unchecked.
 */
export function checkInBackground(request: CheckRequest): Promise<ContentIssue[]> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const here = () => {
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
    worker.once('message', (issues: ContentIssue[]) => {
      if (answered) return;
      answered = true;
      resolve(issues);
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

/**
 * Holds the build before Astro bundles the site, let alone writes a page, until `checked`
 * settles; its rejection (the check's ContentError) fails the build.
 */
export function contentGateIntegration(checked: Promise<void>): AstroIntegration {
  return {
    name: 'fzzf:content-gate',
    hooks: { 'astro:build:start': () => checked },
  };
}
