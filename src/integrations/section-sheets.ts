import type { AstroIntegration } from 'astro';
import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SheetError, splitSheet } from '../lib/portal/section-sheet.ts';
import { onPageWritten } from '../node/page-written.ts';

/** Where Astro writes the sheets (src/pages/section-sheets/[report].astro), under the output folder. */
export const SHEETS_DIR = 'section-sheets';

/** Section pages written or linked at once: the file system's work overlaps, its handles last. */
const FILES_AT_ONCE = 16;

/**
 * Sheets read and cut at once. The others wait as names: when Astro writes sheets faster than
 * their pages are written, a backlog of cut sheets would hold thousands of pages in memory.
 */
const SHEETS_AT_ONCE = 4;

/** A cut sheet's section pages are kept here (under Astro's cache folder) with the sheet itself. */
const CUT_CACHE = 'section-pages';
const CUT_SHEET = 'sheet.html';

/**
 * Cuts each report's sheet of section pages (src/lib/portal/section-sheet.ts) into the section
 * pages and open-data files, at the paths Astro would give them (`reports/<folder>/<id>/index.html`,
 * `reports/<folder>.json` …), and removes the sheet from the output. A sheet is cut as soon as Astro has written it whole
 * (src/node/page-written.ts), so the section pages are written while Astro renders other pages;
 * the sheets not announced are cut once every page is generated, before the search index
 * finishes and before the new version is published.
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

/** A semaphore: at most `size` tasks at once. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

/** The sheets of one build, each cut once. */
export class SheetCutter {
  readonly #outDir: string;
  readonly #cacheDir: string;
  readonly #cuts = new Map<string, Promise<void>>();
  readonly #slots = new Slots(FILES_AT_ONCE);
  readonly #sheets = new Slots(SHEETS_AT_ONCE);
  #stopped = false;

  constructor(outDir: string, cacheDir: string) {
    this.#outDir = outDir;
    this.#cacheDir = cacheDir;
  }

  /** Cuts the sheet of `folder` (as Astro names it on disk), once it is written whole. */
  cut(folder: string): void {
    if (this.#cuts.has(folder)) return;
    const cutting = this.#sheets.run(() => this.#cutSheet(folder));
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
    await settleAll(this.#cuts.values());
    await rm(sheetsDir, { recursive: true, force: true });
    for (const folder of await readdir(this.#cacheDir).catch(() => [] as string[]))
      if (!this.#cuts.has(folder))
        await rm(path.join(this.#cacheDir, folder), { recursive: true, force: true });
    return this.#cuts.size;
  }

  /** No file operation starts from now on; resolves once those under way are done. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.allSettled(this.#cuts.values());
  }

  /** Runs a file operation in a free slot, unless the build has stopped. */
  #run(task: () => Promise<void>): Promise<void> {
    return this.#slots.run(async () => {
      if (this.#stopped) throw new Error('the build stopped');
      await task();
    });
  }

  async #cutSheet(folder: string): Promise<void> {
    if (this.#stopped) throw new Error('the build stopped');
    const file = path.join(this.#outDir, SHEETS_DIR, folder, 'index.html');
    const kept = path.join(this.#cacheDir, folder);
    const reportDir = path.join(this.#outDir, 'reports', folder);
    const sheet = await stat(file);
    const keptSheet = await stat(path.join(kept, CUT_SHEET)).catch(() => undefined);
    const restored =
      keptSheet?.ino === sheet.ino &&
      keptSheet.dev === sheet.dev &&
      (await this.#linkKept(kept, reportDir).then(
        () => true,
        () => false,
      ));
    if (!restored) await this.#cutAndKeep(file, kept, reportDir);
    if (this.#stopped) throw new Error('the build stopped');
    await unlink(file);
  }

  /**
   * Links the pages kept from the same sheet into the report's folder, and its data files beside
   * it (kept under their own names, `<folder>.json`: never a page's `<id>.html`).
   */
  async #linkKept(kept: string, reportDir: string): Promise<void> {
    if (this.#stopped) throw new Error('the build stopped');
    const names = readdirSync(kept).filter((name) => name !== CUT_SHEET);
    // Synchronous on purpose: a report's dozen folders and links are each a system call of a few
    // microseconds, which a round trip through the thread pool costs several times over (at 3,000
    // reports, tens of thousands of them on every build). Nothing else runs meanwhile, so no stop
    // can come between two of them.
    mkdirSync(reportDir, { recursive: true });
    for (const name of names) {
      if (!name.endsWith('.html')) {
        linkSync(path.join(kept, name), path.join(path.dirname(reportDir), name));
        continue;
      }
      const dir = path.join(reportDir, name.slice(0, -'.html'.length));
      try {
        mkdirSync(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      linkSync(path.join(kept, name), path.join(dir, 'index.html'));
    }
  }

  /**
   * Cuts the sheet into its section pages and data files and keeps them, with the sheet, for the
   * next build.
   */
  async #cutAndKeep(file: string, kept: string, reportDir: string): Promise<void> {
    let pages, files;
    try {
      ({ pages, files } = splitSheet(await readFile(file, 'utf8')));
    } catch (error) {
      if (error instanceof SheetError)
        throw new Error(`${file}: ${error.message}`, { cause: error });
      throw error;
    }
    await rm(kept, { recursive: true, force: true });
    await mkdir(kept, { recursive: true });
    let whole = true;
    await settleAll([
      ...pages.map(({ id, html }) =>
        this.#run(async () => {
          const name = encodeURI(id);
          const dir = path.join(reportDir, name);
          await makeDir(dir);
          const page = path.join(dir, 'index.html');
          await writeNew(page, html);
          await link(page, path.join(kept, `${name}.html`)).catch(() => {
            whole = false;
          });
        }),
      ),
      ...files.map(({ extension, text }) =>
        this.#run(async () => {
          const name = `${path.basename(reportDir)}.${extension}`;
          const data = path.join(path.dirname(reportDir), name);
          await writeNew(data, text);
          await link(data, path.join(kept, name)).catch(() => {
            whole = false;
          });
        }),
      ),
    ]);
    // Last: the kept pages count as whole only once the sheet they came from is beside them.
    if (whole) await link(file, path.join(kept, CUT_SHEET)).catch(() => undefined);
  }
}

/** Waits for every task, then throws the first failure, if any. */
async function settleAll(tasks: Iterable<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((task) => task.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes `file` as a new file. A page linked from the cache by a restore that failed halfway may
 * be there: it is removed first, never written into.
 */
async function writeNew(file: string, content: string): Promise<void> {
  await writeFile(file, content, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    await unlink(file);
    await writeFile(file, content, { flag: 'wx' });
  });
}

/** A section page's folder; its report's folder exists (the report page is built from the same list). */
async function makeDir(dir: string): Promise<void> {
  await mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return;
    if (error.code === 'ENOENT') await mkdir(dir, { recursive: true });
    else throw error;
  });
}
