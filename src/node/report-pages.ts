import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { entryCache, sourceVersion } from './build-cache.ts';
import { extractRecords, type PageRecords } from './page-records.ts';

// Each report page's records, kept between builds by a digest of the page's bytes, so a build
// parses only the pages that changed. Versioned by the code that reads pages (this folder, the
// index contract in lib/, the schemas) and the installed packages (htmlparser2).
const pageRecords = entryCache<PageRecords | null>('page-records', () =>
  sourceVersion(new URL('..', import.meta.url), ['node', 'lib', 'schemas']),
);

/**
 * The built report pages (`reports/<folder>/index.html`) the search index reads, each read as
 * soon as it is complete, so the index can be built while the rest of the site is generated.
 * The folders are known before any page is written (the generator's list of pages); a page is
 * read only once it is announced complete (`complete`), or once the whole site is generated
 * (`allComplete`), never while it may still be half written.
 */
export class ReportPageReader {
  readonly #outDir: string;
  readonly #waiting: Set<string>;
  readonly #read = new Map<string, Promise<PageRecords | undefined>>();
  /** The page of each folder asked for before it was complete (page()). */
  readonly #asked = new Map<string, PromiseWithResolvers<PageRecords | undefined>>();
  readonly #ready: Promise<void>;
  #resolve: () => void = () => undefined;
  #reject: (reason: Error) => void = () => undefined;

  constructor(outDir: string, folders: Iterable<string>) {
    this.#outDir = outDir;
    this.#waiting = new Set(folders);
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Awaited by pages(); a build abandoned before anyone asks must not count as unhandled.
    this.#ready.catch(() => undefined);
    if (!this.#waiting.size) this.#resolve();
  }

  /** The report page of `folder` is fully written: it is read now (other folders are ignored). */
  complete(folder: string): void {
    if (!this.#waiting.delete(folder)) return;
    const reading = readReportPage(path.join(this.#outDir, 'reports', folder));
    this.#read.set(folder, reading);
    this.#asked.get(folder)?.resolve(reading);
    this.#asked.delete(folder);
    if (!this.#waiting.size) this.#resolve();
  }

  /**
   * The page of `folder` (one of those waited for), once it is complete and read; undefined when
   * it declares no report. Rejects as pages() does when the build is abandoned.
   */
  page(folder: string): Promise<PageRecords | undefined> {
    const read = this.#read.get(folder);
    if (read) return read;
    if (!this.#waiting.has(folder)) return Promise.resolve(undefined);
    let asked = this.#asked.get(folder);
    if (!asked) {
      asked = Promise.withResolvers();
      this.#asked.set(folder, asked);
      // A build abandoned before the page came rejects it as it rejects pages().
      this.#ready.catch((reason: unknown) => asked!.reject(reason));
      asked.promise.catch(() => undefined);
    }
    return asked.promise;
  }

  /** The whole site is generated: every page not announced yet is complete too. */
  allComplete(): void {
    for (const folder of [...this.#waiting]) this.complete(folder);
  }

  /** The build failed: pages() rejects with `reason` instead of waiting for pages that will not come. */
  abandon(reason: Error): void {
    this.#reject(reason);
  }

  /** Every page that declares a report, in folder order, once all are complete and read. */
  async pages(): Promise<PageRecords[]> {
    await this.#ready;
    const folders = [...this.#read.keys()].sort();
    const pages = await Promise.all(folders.map((folder) => this.#read.get(folder)!));
    // Every page was asked for: entries of pages no longer built are dropped.
    pageRecords.prune();
    return pages.filter((page) => page !== undefined);
  }
}

/** A report folder's page, read; undefined when it has none or it declares no report (a redirect). */
async function readReportPage(folder: string): Promise<PageRecords | undefined> {
  const bytes = await readFile(path.join(folder, 'index.html')).catch(() => undefined);
  return bytes?.length ? cachedRecords(bytes) : undefined;
}

/**
 * extractRecords of a page's bytes, taken from the cache when a page with the same bytes was read
 * by the same code before. Only what JSON gives back unchanged is stored (a year that is not a
 * number is not), so a cached result is always what reading the page again would give.
 */
export function cachedRecords(bytes: Buffer): PageRecords | undefined {
  const key = createHash('sha256').update(bytes).digest('base64url');
  const cached = pageRecords.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const records = extractRecords(bytes.toString('utf8'));
  if (!records) pageRecords.set(key, null);
  else if (Number.isFinite(records.report.year)) pageRecords.set(key, records);
  return records;
}
