import type { AstroIntegration } from 'astro';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPageWritten } from '../node/page-written.ts';
import { CUT_CACHE, cutSheet, SHEETS_DIR } from '../node/sheet-cutting.ts';
import type { SheetMessage } from '../node/sheet-worker.ts';
import { settleAll, WorkerCalls } from '../node/worker-calls.ts';

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
  /** The cutting thread, once started; null when none could be. */
  #worker: WorkerCalls<Omit<Extract<SheetMessage, { type: 'cut' }>, 'id'>> | null | undefined;
  /** Set to 1 on stop; the thread reads it before each sheet, whatever it was sent before. */
  readonly #stopFlag = new Int32Array(new SharedArrayBuffer(4));
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
    const worker = this.#start();
    const sheet = { outDir: this.#outDir, cacheDir: this.#cacheDir, folder };
    if (!worker)
      // No thread to be had: cut here, as the thread would.
      return Promise.resolve().then(() => {
        if (this.#stopped) throw new Error('the build stopped');
        cutSheet(sheet.outDir, sheet.cacheDir, folder);
      });
    return worker.call({ type: 'cut', ...sheet });
  }

  /** The cutting thread, started with the first sheet; null when none can be started. */
  #start() {
    if (this.#worker === undefined)
      try {
        this.#worker = new WorkerCalls(
          new URL('../node/sheet-worker.ts', import.meta.url),
          'the section sheet cutter',
          { workerData: this.#stopFlag },
        );
      } catch {
        this.#worker = null;
      }
    return this.#worker;
  }

  async #close(): Promise<void> {
    await this.#worker?.close();
  }
}
