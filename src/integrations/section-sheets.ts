import type { AstroIntegration } from 'astro';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { onPageWritten } from '../node/page-written.ts';
import { CUT_CACHE, cutSheet, SHEETS_DIR } from '../node/sheet-cutting.ts';
import type { SheetMessage, SheetReply } from '../node/sheet-worker.ts';

export { SHEETS_DIR } from '../node/sheet-cutting.ts';

/**
 * Cuts each report's sheet of section pages (src/lib/portal/section-sheet.ts) into the section
 * pages and open-data files, at the paths Astro would give them (`reports/<folder>/<id>/index.html`,
 * `reports/<folder>.json` …), and removes the sheet from the output. A sheet is cut as soon as Astro has written it whole
 * (src/node/page-written.ts), on a thread of its own (src/node/sheet-worker.ts, one sheet at a
 * time, with synchronous file calls: src/node/sheet-cutting.ts), so the section pages are written
 * while Astro renders other pages; the sheets not announced are cut once every page is generated,
 * before the search index finishes and before the new version is published.
 *
 * Like Astro's incremental cache (src/node/page-cache-links.ts), the pages cut from a sheet are
 * kept as hard links beside a link to the sheet they came from: when Astro takes a sheet
 * unchanged from its cache (the same file), its section pages are linked back instead of cut
 * again. Nothing is ever written into: a page is a new file, and a cache folder is emptied before
 * new links go in, the sheet's last, so a folder cut halfway is never taken for a whole one.
 */
export default function sectionSheetsIntegration(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let cutter: SheetCutter | undefined;
  let stopListening = (): void => undefined;
  return {
    name: 'fzzf:section-sheets',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = path.join(fileURLToPath(config.cacheDir), CUT_CACHE);
      },
      'astro:build:start': () => {
        const current = new SheetCutter(outDir, cacheDir);
        cutter = current;
        running = current;
        stopListening();
        stopListening = onPageWritten((file) => {
          const folder = sheetFolder(file);
          if (folder !== undefined) current.cut(folder);
        });
      },
      'astro:build:generated': async () => {
        stopListening();
        await cutter?.finish();
      },
    },
  };
}

/** This process's cutter under way, for stopSectionSheets. */
let running: SheetCutter | undefined;

/**
 * Stops cutting the sheets of a build that failed, and resolves once nothing more is written:
 * its output folder can then be removed without a section page written into it afterwards.
 */
export async function stopSectionSheets(): Promise<void> {
  await running?.stop();
}

/** The report folder of a sheet from its path under the output folder, as Astro names it. */
function sheetFolder(outputFile: string): string | undefined {
  return new RegExp(`^${SHEETS_DIR}/([^/]+)/index\\.html$`).exec(outputFile)?.[1];
}

/** The sheets of one build, each cut once, in order, on a thread of their own. */
export class SheetCutter {
  readonly #outDir: string;
  readonly #cacheDir: string;
  readonly #cuts = new Map<string, Promise<void>>();
  readonly #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #worker: Worker | undefined;
  /** Why the cutting thread can take no more sheets (it failed or exited), once it cannot. */
  #dead: Error | undefined;
  /** Set to 1 on stop; the thread reads it before each sheet, whatever it was sent before. */
  readonly #stopFlag = new Int32Array(new SharedArrayBuffer(4));
  #exited: Promise<void> = Promise.resolve();
  #next = 0;
  #stopped = false;

  constructor(outDir: string, cacheDir: string) {
    this.#outDir = outDir;
    this.#cacheDir = cacheDir;
  }

  /** Cuts the sheet of `folder` (as Astro names it on disk), once it is written whole. */
  cut(folder: string): void {
    if (this.#cuts.has(folder)) return;
    const cutting = this.#cutSheet(folder);
    // Awaited by finish(); a failure meanwhile is not unhandled.
    cutting.catch(() => undefined);
    this.#cuts.set(folder, cutting);
  }

  /**
   * Cuts every sheet not cut yet (all are complete now), waits for all, then removes the sheets'
   * folder and the kept pages of sheets this build did not have. Returns the number of sheets.
   */
  async finish(): Promise<number> {
    const sheetsDir = path.join(this.#outDir, SHEETS_DIR);
    for (const folder of await readdir(sheetsDir).catch(() => [] as string[])) this.cut(folder);
    // Every cut settles before a failure is reported: the build then removes its output folder,
    // which nothing may still be writing into.
    try {
      await settleAll(this.#cuts.values());
    } finally {
      await this.#close();
    }
    await rm(sheetsDir, { recursive: true, force: true });
    for (const folder of await readdir(this.#cacheDir).catch(() => [] as string[]))
      if (!this.#cuts.has(folder))
        await rm(path.join(this.#cacheDir, folder), { recursive: true, force: true });
    return this.#cuts.size;
  }

  /** No sheet is cut from now on; resolves once the one under way is done. */
  async stop(): Promise<void> {
    this.#stopped = true;
    Atomics.store(this.#stopFlag, 0, 1);
    await Promise.allSettled(this.#cuts.values());
    await this.#close();
  }

  #cutSheet(folder: string): Promise<void> {
    if (this.#stopped) return Promise.reject(new Error('the build stopped'));
    if (this.#dead) return Promise.reject(this.#dead);
    const worker = this.#start();
    const message = {
      type: 'cut',
      id: this.#next++,
      outDir: this.#outDir,
      cacheDir: this.#cacheDir,
      folder,
    } satisfies SheetMessage;
    if (!worker)
      // No thread to be had: cut here, as the thread would.
      return Promise.resolve().then(() => {
        if (this.#stopped) throw new Error('the build stopped');
        cutSheet(message.outDir, message.cacheDir, folder);
      });
    return new Promise((resolve, reject) => {
      this.#pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  /** The cutting thread, started with the first sheet; undefined when none can be started. */
  #start(): Worker | undefined {
    if (this.#worker) return this.#worker;
    let worker: Worker;
    try {
      worker = new Worker(new URL('../node/sheet-worker.ts', import.meta.url), {
        workerData: this.#stopFlag,
      });
    } catch {
      return undefined;
    }
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', ({ id, failure }: SheetReply) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (failure === undefined) pending?.resolve();
      else pending?.reject(new Error(failure));
    });
    // A thread that failed or exited answers nothing more: what it was sent fails, and so does
    // every sheet after (messages to an exited thread are dropped, and would wait forever).
    const fail = (error: Error) => {
      this.#dead ??= error;
      for (const pending of this.#pending.values()) pending.reject(this.#dead);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.once('exit', () => fail(new Error('the section sheet cutter stopped')));
    return worker;
  }

  async #close(): Promise<void> {
    this.#worker?.postMessage({ type: 'close' } satisfies SheetMessage);
    await this.#exited;
  }
}

/** Waits for every task, then throws the first failure, if any. */
async function settleAll(tasks: Iterable<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((task) => task.status === 'rejected');
  if (failed) throw failed.reason;
}
