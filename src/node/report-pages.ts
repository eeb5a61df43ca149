import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractRecords, type PageRecords } from './page-records.ts';

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
    this.#read.set(folder, readReportPage(path.join(this.#outDir, 'reports', folder)));
    if (!this.#waiting.size) this.#resolve();
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
    return pages.filter((page) => page !== undefined);
  }
}

/** A report folder's page, read; undefined when it has none or it declares no report (a redirect). */
async function readReportPage(folder: string): Promise<PageRecords | undefined> {
  const html = await readFile(path.join(folder, 'index.html'), 'utf8').catch(() => '');
  return html ? extractRecords(html) : undefined;
}
