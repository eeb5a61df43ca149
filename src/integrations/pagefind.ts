import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as pagefind from 'pagefind';
import {
  assetPath,
  normaliseBase,
  PAGEFIND_DIR,
  PINYIN_DIR,
  pinyinLexiconFile,
  SEARCH_SCOPE,
} from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import {
  reportFileFolder,
  reportPageFolder,
  reportPagesFirst,
  reportPageYear,
} from '../lib/search/index-pages.ts';
import { splitPinyinLexicon } from '../lib/search/query.ts';
import { scopeDataOf } from '../lib/search/report-sections.ts';
import { SEARCH_INDEX_META } from '../lib/search/search-page.ts';
import { type PageRecords, searchRecords } from '../node/page-records.ts';
import { indexKey, keepIndexes, restoreIndex } from '../node/index-cache.ts';
import { IndexWriters } from '../node/index-writer.ts';
import { settleAll } from '../node/worker-calls.ts';
import { groupFolder, groupYears, type YearGroup, YearGroups } from '../lib/search/index-groups.ts';
import { onPageWritten } from '../node/page-written.ts';
import { cachedPinyinLexicon, traditionalCharsFor } from '../node/pinyin-lexicon.ts';
import { ReportPageReader } from '../node/report-pages.ts';

/** Largest index metadata (bytes, as Pagefind writes it: gzip) the search page preloads. */
const PRELOAD_META_LIMIT = 64 * 1024;

/**
 * Builds the Pagefind index into <outDir>/pagefind. The unit of search is the section: one record
 * per section of each report (its heading and own paragraphs), leading to the section's anchor in
 * the full report, with the report's year, agency id and statutory part as filters. Everything
 * comes from the built report pages, through the attributes of src/lib/search/index-contract.ts;
 * content/ is never read again. A site without a working search is a failed build: any Pagefind
 * error, or an index with no records, stops it.
 *
 * The index is built while Astro generates the rest of the site: Astro generates the report pages
 * first, newest year first (src/lib/search/index-pages.ts), each is read once Astro has written it
 * whole (src/node/page-written.ts announces it; a page it does not announce is read once every
 * page is generated), and Pagefind indexes them beside it, each group of years in a service
 * process of its own (src/node/index-writer.ts) as soon as the group is final: the cache keys
 * tell each report page's year before it is written (src/data/page-keys.ts).
 * build:done then waits for the index and writes what needs the finished site: the search page's
 * index tag, search/scope.json and the pinyin lexicon.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  let outDir = '';
  let reader: ReportPageReader | undefined;
  let generated = 0;
  return {
    name: 'fzzf:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        reader = undefined;
        running = undefined;
        setPrerenderer((generator) =>
          indexAlongside(generator, (folders, years) => {
            reader = new ReportPageReader(outDir, folders);
            running = startIndexing(reader, outDir, root, years);
            return reader;
          }),
        );
      },
      // Runs only once every page is written: a page Astro did not announce is complete now too.
      'astro:build:generated': () => {
        generated = performance.now();
        reader?.allComplete();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const builtDir = fileURLToPath(dir);
        // No page went through the generator above: the pages on disk are all there is.
        if (!running || builtDir !== outDir) {
          const all = new ReportPageReader(builtDir, await reportFolders(builtDir));
          all.allComplete();
          running = startIndexing(all, builtDir, root);
        }
        const built = await running.result;
        const entry = await prepareSearchPage(builtDir, base);
        await mkdir(path.join(builtDir, PINYIN_DIR), { recursive: true });
        for (const [file, json] of built.lexiconFiles)
          await writeFile(path.join(builtDir, file), json);
        await writeFile(
          path.join(builtDir, SEARCH_SCOPE),
          JSON.stringify({
            ...built.scope,
            index: entry,
            // One index needs no list: the search page knows where the primary one is.
            ...(built.indexes.length > 1 ? { indexes: built.indexes } : {}),
          }),
        );
        const { started, read, lexicon, indexed } = built.times;
        const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
        logger.info(
          `search index: ${built.records} sections of ${built.pages} reports in ` +
            `${built.indexes.length} indexes (${built.reused} unchanged: reused); ` +
            `pinyin lexicon ${built.lexiconFiles.reduce((sum, [, json]) => sum + Buffer.byteLength(json), 0)} bytes ` +
            `in ${built.lexiconFiles.length} files${built.cached ? ' (cached)' : ''}; ` +
            `report pages read ${seconds(started, read)} s after the list of pages, ` +
            `index ${seconds(read, indexed)} s, lexicon ${seconds(read, lexicon)} s (alongside), ` +
            `index done ${seconds(generated || indexed, Math.max(indexed, generated))} s after the last page`,
        );
      },
    },
  };
}

/** What the index step hands build:done. */
interface BuiltIndex {
  pages: number;
  records: number;
  indexes: NonNullable<SearchScopeData['indexes']>;
  reused: number;
  scope: SearchScopeData;
  lexiconFiles: (readonly [string, string])[];
  cached: boolean;
  times: { started: number; read: number; lexicon: number; indexed: number };
}

interface IndexRun {
  /** Rejects with the step's own error (a Pagefind failure, no records …), which fails the build. */
  result: Promise<BuiltIndex>;
  /** Stops at the next Pagefind call and resolves once nothing more is written. */
  stop(): Promise<void>;
}

/** This process's index step under way, for stopSearchIndex. */
let running: IndexRun | undefined;

/**
 * Stops the search index step of a build that failed, and resolves once it writes no more: the
 * build folder can then be removed without Pagefind writing into it afterwards.
 */
export async function stopSearchIndex(): Promise<void> {
  await running?.stop();
}

/**
 * The site generator, unchanged but for two things: the report pages come first in its list,
 * and once it has the list, `start` is given the report folders to wait for and returns the
 * reader to tell when each page is written.
 */
function indexAlongside(
  generator: AstroPrerenderer,
  start: (folders: string[], years: ReadonlyMap<string, number> | undefined) => ReportPageReader,
): AstroPrerenderer {
  let stopListening = (): void => undefined;
  return {
    name: generator.name,
    ...(generator.setup ? { setup: () => generator.setup!() } : {}),
    async getStaticPaths() {
      const paths = reportPagesFirst(await generator.getStaticPaths());
      // Each report page's year, from its cache key (src/lib/search/index-pages.ts), when every
      // report page has one.
      const years = new Map<string, number | undefined>();
      for (const page of paths) {
        const folder = reportPageFolder(page);
        if (folder !== undefined) years.set(folder, reportPageYear(page));
      }
      const known = [...years.values()].every((year) => year !== undefined);
      const reader = start([...years.keys()], known ? (years as Map<string, number>) : undefined);
      stopListening = onPageWritten((file) => {
        const folder = reportFileFolder(file);
        if (folder !== undefined) reader.complete(folder);
      });
      return paths;
    },
    render: (request, options) => generator.render(request, options),
    ...(generator.collectStaticImages
      ? { collectStaticImages: () => generator.collectStaticImages!() }
      : {}),
    async teardown() {
      stopListening();
      await generator.teardown?.();
    },
  };
}

/** Starts indexing the pages `reader` reads as they are written. */
function startIndexing(
  reader: ReportPageReader,
  outDir: string,
  root: string,
  years?: ReadonlyMap<string, number>,
): IndexRun {
  const stopping = new AbortController();
  const result = indexPages(reader, outDir, root, stopping.signal, years);
  // Awaited by build:done; a build that fails first never asks, and that is no error of its own.
  result.catch(() => undefined);
  return {
    result,
    async stop() {
      stopping.abort();
      reader.abandon(new Error('the build stopped'));
      await result.catch(() => undefined);
    },
  };
}

async function indexPages(
  reader: ReportPageReader,
  outDir: string,
  root: string,
  signal: AbortSignal,
  years: ReadonlyMap<string, number> | undefined,
): Promise<BuiltIndex> {
  const started = performance.now();
  // Tests split a small fixture site by year (FZZF_INDEX_GROUP_RECORDS=1).
  const min = Number(process.env['FZZF_INDEX_GROUP_RECORDS']) || undefined;
  const groups = new YearGroups(min);
  const index = new GroupedIndex(path.join(outDir, 'pagefind'), root, signal);
  // Each group's records in reading order, years oldest first, as one index of the whole site
  // would hold them; each year's pages in folder order.
  const byYear = new Map<number, pagefind.CustomRecord[]>();
  // Each page's records, made once: year by year for the index, then again in page order.
  const made = new WeakMap<PageRecords, pagefind.CustomRecord[]>();
  const recordsOf = (page: PageRecords) => {
    let records = made.get(page);
    if (!records) made.set(page, (records = searchRecords(page)));
    return records;
  };
  const write = (given: readonly YearGroup[]) => {
    for (const group of given) {
      index.write(
        group,
        [...group.years].sort((a, b) => a - b).flatMap((year) => byYear.get(year) ?? []),
        groups.closed,
      );
      // The writer holds them now; the build's thread need not keep them until the end.
      for (const year of group.years) byYear.delete(year);
    }
  };
  try {
    // When the list of pages told each report page's year, each year is indexed as soon as its
    // pages are read, newest first, and each group of years written once it is final: Pagefind
    // works while Astro still renders the report pages, rather than only after the last one.
    for (const [year, folders] of newestYearsFirst(years)) {
      const pages = await Promise.all(folders.map((folder) => reader.page(folder)));
      const declared = pages.filter((page) => page !== undefined);
      const other = declared.find((page) => page.report.year !== year);
      if (other)
        throw new Error(
          `report page of ${other.report.folder} declares year ${other.report.year}, its cache key ${year}`,
        );
      if (!declared.length) continue;
      byYear.set(
        year,
        declared.flatMap((page) => recordsOf(page)),
      );
      write(groups.add(year, byYear.get(year)!.length));
    }
    const pages = await reader.pages();
    const read = performance.now();
    // Every page's records in page order: for the lexicon, the counts and, when the years were
    // not known ahead, the index.
    const perPage = pages.map((page) => ({ year: page.report.year, records: recordsOf(page) }));
    const records = perPage.flatMap((page) => page.records);
    const counts = new Map<number, number>();
    for (const page of perPage)
      counts.set(page.year, (counts.get(page.year) ?? 0) + page.records.length);
    if (records.length === 0) throw new Error(`no report section to index in ${outDir}`);
    if (!years) {
      for (const page of perPage) {
        if (!byYear.has(page.year)) byYear.set(page.year, []);
        byYear.get(page.year)!.push(...page.records);
      }
      for (const year of [...byYear.keys()].sort((a, b) => b - a))
        write(groups.add(year, byYear.get(year)!.length));
    }
    write(groups.end());
    // The groups given year by year are those of the whole list (src/lib/search/index-groups.ts).
    const expected = groupYears(counts, min);
    if (JSON.stringify(index.groups) !== JSON.stringify(expected))
      throw new Error(
        `search index groups ${JSON.stringify(index.groups)} differ from ${JSON.stringify(expected)}`,
      );
    // Pagefind writes in its own processes; the pinyin lexicon is built on this thread
    // meanwhile, so on a clean build the two take as long as the longer one, not the sum.
    const { lexicon, cached } = await cachedPinyinLexicon(records.map((record) => record.content));
    // A file for every letter, empty or not: the search asks for the letters a query holds,
    // and a 404 would be an error in the reader's console.
    const parts = splitPinyinLexicon(lexicon);
    const lexiconFiles = [...'abcdefghijklmnopqrstuvwxyz'].map(
      (letter) =>
        [
          pinyinLexiconFile(letter),
          JSON.stringify(parts.get(letter) ?? { spell: {}, initials: {} }),
        ] as const,
    );
    const scope = scopeOf(pages);
    const lexiconDone = performance.now();
    const { indexes, reused } = await index.finish(counts);
    return {
      pages: pages.length,
      records: records.length,
      indexes,
      reused,
      scope,
      lexiconFiles,
      cached,
      times: { started, read, lexicon: lexiconDone, indexed: performance.now() },
    };
  } catch (error) {
    // Should anything fail, the index writers finish first: a failed build's folder is removed
    // only once nothing writes into it.
    await index.abandon();
    throw error;
  }
}

/** The report folders by year, newest year first, each year's in folder order. */
function newestYearsFirst(years: ReadonlyMap<string, number> | undefined): [number, string[]][] {
  if (!years) return [];
  const byYear = Map.groupBy(years.keys(), (folder) => years.get(folder)!);
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, folders]) => [year, [...folders].sort()]);
}

/**
 * The search index under `pagefindDir`, one Pagefind index per group of years
 * (src/lib/search/index-groups.ts), the newest group at its root. A group whose records are those
 * of a previous build is taken from the cache (src/node/index-cache.ts); the others are indexed
 * side by side, each by a Pagefind of its own (src/node/index-writer.ts), as soon as they are
 * given. The older groups are written beside the output folder's index and moved into it once
 * every group is done, so no Pagefind ever writes into a folder another one is writing. Any
 * Pagefind error fails the build.
 */
class GroupedIndex {
  readonly #pagefindDir: string;
  readonly #root: string;
  readonly #signal: AbortSignal;
  readonly #writers = new IndexWriters();
  readonly #stop = () => this.#writers.stop();
  readonly #tasks: Promise<void>[] = [];
  readonly #keys: string[] = [];
  /** The groups given, in order. */
  readonly groups: number[][] = [];
  #reused = 0;

  constructor(pagefindDir: string, root: string, signal: AbortSignal) {
    this.#pagefindDir = pagefindDir;
    this.#root = root;
    this.#signal = signal;
    signal.addEventListener('abort', this.#stop);
  }

  /** Where group `index` is written: the primary in place, the others beside it until all are done. */
  #dir(index: number): string {
    return index === 0
      ? this.#pagefindDir
      : `${this.#pagefindDir}.${String(index).padStart(3, '0')}`;
  }

  /** Starts on `group` with its `records`, once `count` groups are known to exist at least. */
  write(group: YearGroup, records: pagefind.CustomRecord[], count: number): void {
    this.groups.push(group.years);
    const key = indexKey(records, this.#root);
    this.#keys.push(key);
    const dir = this.#dir(group.index);
    // Nested group folders (years/) are not part of the primary index's cache entry.
    const nested =
      group.index === 0 && count > 1 ? [groupFolder(group.years, 1).split('/')[0]!] : [];
    const task = (async () => {
      this.#signal.throwIfAborted();
      if (restoreIndex(key, dir)) {
        this.#reused += 1;
        return;
      }
      await this.#writers.write({ records, dir, key, nested, engine: group.index === 0 });
    })();
    // Awaited by finish() or abandon(); a failure meanwhile is not unhandled.
    task.catch(() => undefined);
    this.#tasks.push(task);
  }

  /** Waits for every group, moves the older ones into place and lists them. */
  async finish(
    counts: ReadonlyMap<number, number>,
  ): Promise<{ indexes: NonNullable<SearchScopeData['indexes']>; reused: number }> {
    try {
      await settleAll(this.#tasks);
      this.#signal.throwIfAborted();
    } finally {
      await this.#close();
    }
    const folders = this.groups.map((years, i) => groupFolder(years, i));
    for (const [i, folder] of folders.entries()) {
      if (i === 0) continue;
      await mkdir(path.dirname(path.join(this.#pagefindDir, folder)), { recursive: true });
      await rename(this.#dir(i), path.join(this.#pagefindDir, folder));
    }
    keepIndexes(this.#keys);
    const indexes: NonNullable<SearchScopeData['indexes']> = [];
    for (const [i, years] of this.groups.entries())
      indexes.push({
        path: folders[i]!,
        years: [...years].sort((a, b) => b - a),
        tag: await tagOf(path.join(this.#pagefindDir, folders[i]!)),
        records: years.reduce((sum, year) => sum + (counts.get(year) ?? 0), 0),
      });
    return { indexes, reused: this.#reused };
  }

  /** Stops every writer and resolves once none writes any more. */
  async abandon(): Promise<void> {
    this.#writers.stop();
    await Promise.allSettled(this.#tasks);
    await this.#close();
  }

  async #close(): Promise<void> {
    this.#signal.removeEventListener('abort', this.#stop);
    await this.#writers.close();
  }
}

/** An index's cache tag: the hashes of its languages, as Pagefind's entry file names them. */
async function tagOf(dir: string): Promise<string> {
  return tagOfLanguages(await entryLanguages(dir));
}

/** The languages Pagefind's entry file in `dir` lists, with their hashes and WebAssembly. */
async function entryLanguages(dir: string): Promise<{ hash: string; wasm: string | null }[]> {
  const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm: string | null }>;
  };
  return Object.values(entry.languages);
}

const tagOfLanguages = (languages: readonly { hash: string }[]) =>
  languages.map((language) => language.hash).join('-');

/** The folders under reports/ of a built site: every report page is in one. */
async function reportFolders(outDir: string): Promise<string[]> {
  return (await readdir(path.join(outDir, 'reports'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** The agencies (with their years) and years of the index, for scoping queries that name them. */
function scopeOf(pages: readonly PageRecords[]): SearchScopeData {
  // Which characters make a query Traditional: only those whose Simplified form the index holds.
  const corpus = pages
    .flatMap(({ sections }) =>
      sections.flatMap((section) => [section.heading, ...section.paragraphs.map((p) => p.text)]),
    )
    .join('');
  return {
    ...scopeDataOf(pages.map((page) => page.report)),
    traditional: traditionalCharsFor(corpus),
  };
}

/**
 * The search page is rendered before the index exists; it holds one placeholder element
 * (SEARCH_INDEX_META) that is filled in here: the index's hash becomes Pagefind's cache tag, so
 * its entry file is cacheable until the next build changes it, and preload hints let the browser
 * fetch the engine's files in parallel with the page's own script instead of one after another.
 * The placeholder must occur exactly once: anything else fails the build.
 */
async function prepareSearchPage(
  outDir: string,
  base: string,
): Promise<NonNullable<SearchScopeData['index']>> {
  const pagefindDir = path.join(outDir, 'pagefind');
  const languages = await entryLanguages(pagefindDir);
  const tag = tagOfLanguages(languages);
  const chunks = (await readdir(path.join(pagefindDir, 'index'))).filter((name) =>
    name.endsWith('.pf_index'),
  );
  const files = [
    `pagefind-entry.json?ts=${encodeURIComponent(tag)}`,
    ...languages.flatMap((language) => [
      `wasm.${language.wasm ?? 'unknown'}.pagefind`,
      `pagefind.${language.hash}.pf_meta`,
    ]),
    // Small indexes are one or two chunks, all needed by the first search; big ones are not preloaded.
    ...(chunks.length <= 2 ? chunks.map((chunk) => `index/${chunk}`) : []),
  ];
  // Preloads fetch the engine for every visit to the search page, before the query is read. Worth
  // it while the index is small; a province's metadata alone is hundreds of KB, which a query
  // naming one report never needs (search-engine.ts reads that report's own data instead).
  const meta = await stat(
    path.join(pagefindDir, `pagefind.${languages[0]?.hash ?? ''}.pf_meta`),
  ).catch(() => undefined);
  const preload = (meta?.size ?? Infinity) <= PRELOAD_META_LIMIT;
  const links = (preload ? files : [])
    .map(
      (file) =>
        `<link rel="preload" href="${assetPath(base, PAGEFIND_DIR + file)}" as="fetch" crossorigin>`,
    )
    .join('');
  const page = path.join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  const parts = html.split(SEARCH_INDEX_META.placeholder);
  if (parts.length !== 2)
    throw new Error(
      `${page} must hold ${SEARCH_INDEX_META.placeholder} exactly once, found ${parts.length - 1}`,
    );
  // A new file, never a write into the old one: built pages may share their bytes with
  // Astro's cache (src/node/page-cache-links.ts).
  await rm(page);
  await writeFile(page, parts.join(SEARCH_INDEX_META.filled(tag) + links));
  return { tag, files };
}
