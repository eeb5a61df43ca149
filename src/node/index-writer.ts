import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type * as pagefind from 'pagefind';
import { minifyEngine, recompressWasm } from './engine-files.ts';
import { storeIndex } from './index-cache.ts';
import { WorkerCalls } from './worker-calls.ts';

/** Records sent to Pagefind at once: its service answers them concurrently. */
const BATCH = 256;

/** One search index group to write: its records, where, and how it is kept for the next build. */
export interface IndexJob {
  records: pagefind.CustomRecord[];
  dir: string;
  /** The cache key of its records (src/node/index-cache.ts). */
  key: string;
  /** Folders nested in `dir` that are other groups' indexes, not part of this one's cache entry. */
  nested: string[];
  /** Whether `dir` serves the engine (the primary index): the others lose its script. */
  engine: boolean;
}

/**
 * Indexes a group's records with Pagefind (the module given: one service per thread), writes the
 * index to `dir` with the site's changes to Pagefind's output, and keeps it in the cache.
 * `stopped` is asked between batches: a build that failed stops adding and writes nothing.
 */
export async function writeGroupIndex(
  engine: typeof pagefind,
  job: IndexJob,
  stopped: () => boolean,
): Promise<void> {
  const halt = () => {
    if (stopped()) throw new Error('the build stopped');
  };
  const { index, errors } = await engine.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (let at = 0; at < job.records.length; at += BATCH) {
    halt();
    const batch = job.records.slice(at, at + BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length)
        throw new Error(`Pagefind failed to index ${batch[i]!.url}: ${result.errors.join('; ')}`);
    });
  }
  halt();
  const written = await index.writeFiles({ outputPath: job.dir });
  if (written.errors.length)
    throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  // Pagefind's service keeps an index until it is deleted: one group at a time in its memory.
  await index.deleteIndex();
  await removeUnusedBundles(job.dir);
  if (job.engine) await minifyEngine(job.dir);
  else await removeEngine(job.dir);
  await recompressWasm(job.dir);
  storeIndex(job.key, job.dir, job.nested);
}

/**
 * Pagefind writes its ready-made search interfaces and highlighter beside the engine; the site has
 * its own (src/scripts/), so they would only be 430 KB of files nobody loads.
 */
const UNUSED_PAGEFIND_FILES =
  /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

async function removeUnusedBundles(pagefindDir: string): Promise<void> {
  for (const name of await readdir(pagefindDir)) {
    if (UNUSED_PAGEFIND_FILES.test(name)) await rm(path.join(pagefindDir, name));
  }
}

/** A merged index needs its data and WebAssembly; the engine is loaded from the primary's folder. */
async function removeEngine(dir: string): Promise<void> {
  for (const name of ['pagefind.js', 'pagefind-worker.js'])
    await rm(path.join(dir, name), { force: true });
}

/**
 * Pagefind assembles an index on one thread, in one service process per importing thread: groups
 * are written side by side, each in a worker thread of its own (src/node/index-worker.ts), as many
 * at once as there are cores, at most two (each holds its group in memory meanwhile).
 */
export const INDEX_WRITERS = Math.max(1, Math.min(2, availableParallelism()));

/** Index groups written side by side, each by a Pagefind of its own. */
export class IndexWriters {
  readonly #idle: IndexWorker[] = [];
  readonly #all: IndexWorker[] = [];
  readonly #waiting: ((worker: IndexWorker) => void)[] = [];
  readonly #size: number;
  #stopped = false;

  constructor(size = INDEX_WRITERS) {
    this.#size = size;
  }

  /** Writes `job` once a writer is free; rejects with the writer's error. */
  async write(job: IndexJob): Promise<void> {
    const worker = await this.#take();
    try {
      if (this.#stopped) throw new Error('the build stopped');
      await worker.write(job);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(worker);
      else this.#idle.push(worker);
    }
  }

  /** Stops at the next batch of every writer; no new job starts. */
  stop(): void {
    this.#stopped = true;
    for (const worker of this.#all) worker.stop();
  }

  /** Ends every writer (their Pagefind too); resolves once they have exited. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((worker) => worker.close()));
  }

  async #take(): Promise<IndexWorker> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.length < this.#size) {
      const worker = new IndexWorker();
      this.#all.push(worker);
      return worker;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

/** What a writer thread is sent: a group to write, a stop, or the end. */
export type IndexMessage =
  { type: 'write'; job: IndexJob; id: number } | { type: 'stop' } | { type: 'close' };

/** A worker thread with its own Pagefind, one job at a time. */
class IndexWorker {
  readonly #calls = new WorkerCalls<{ type: 'write'; job: IndexJob }>(
    new URL('./index-worker.ts', import.meta.url),
    'the search index writer',
  );

  write(job: IndexJob): Promise<void> {
    return this.#calls.call({ type: 'write', job });
  }

  stop(): void {
    this.#calls.post({ type: 'stop' } satisfies IndexMessage);
  }

  close(): Promise<void> {
    return this.#calls.close();
  }
}
