import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type * as pagefind from 'pagefind';
import { type IndexFile, shippedIndexFiles } from './engine-files.ts';
import { storeIndex } from './index-cache.ts';
import { writeNewFile } from './new-file.ts';
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
  // Taken in memory and written here, one file after another, rather than by Pagefind: its writer
  // creates the files from several threads at once, and on a disk slow to create files they
  // spend as long contending for the folders as building the index (300 reports, ext4: 4.3 s of
  // its CPU against 2.1 s, and 1.3 s here; the same bytes).
  const { files, errors: failed } = await index.getFiles();
  if (failed.length) throw new Error(`Pagefind failed to write its index: ${failed.join('; ')}`);
  // Pagefind's service keeps an index until it is deleted: one group at a time in its memory.
  await index.deleteIndex();
  writeFiles(job.dir, await shippedIndexFiles(files, job.engine));
  storeIndex(job.key, job.dir, job.nested);
}

/** Writes `files` under `dir`, each folder made once, each file a new one (writeNewFile). */
function writeFiles(dir: string, files: readonly IndexFile[]): void {
  const made = new Set<string>();
  for (const { path: name, content } of files) {
    const file = path.join(dir, name);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeNewFile(file, content);
  }
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
