import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import {
  assetPath,
  normaliseBase,
  PAGEFIND_DIR,
  PINYIN_DIR,
  pinyinLexiconFile,
  SEARCH_SCOPE,
} from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { splitPinyinLexicon } from '../lib/search/query.ts';
import { scopeDataOf } from '../lib/search/report-sections.ts';
import { SEARCH_INDEX_META } from '../lib/search/search-page.ts';
import { extractRecords, type PageRecords, searchRecords } from '../node/page-records.ts';
import { indexKey, keepIndexes, restoreIndex, storeIndex } from '../node/index-cache.ts';
import { groupFolder, groupYears, MIN_GROUP_RECORDS } from '../lib/search/index-groups.ts';
import { cachedPinyinLexicon, traditionalCharsFor } from '../node/pinyin-lexicon.ts';

/** Largest index metadata (bytes, as Pagefind writes it: gzip) the search page preloads. */
const PRELOAD_META_LIMIT = 64 * 1024;

/** Records sent to Pagefind at once: its service answers them concurrently. */
const BATCH = 256;

/**
 * Builds the Pagefind index into <outDir>/pagefind after every build. The unit of search is the
 * section: one record per section of each report (its heading and own paragraphs), leading to
 * the section's anchor in the full report, with the report's year, agency id and statutory part
 * as filters. Everything comes from the built report pages, through the attributes of
 * src/lib/search/index-contract.ts; content/ is never read again. A site without a working
 * search is a failed build: any Pagefind error, or an index with no records, stops it.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'fzzf:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const pages = await readReportPages(outDir);
        const read = performance.now();
        // Each page's records, made once: in page order for the lexicon, by year for the index.
        const perPage = pages.map((page) => ({
          year: page.report.year,
          records: searchRecords(page),
        }));
        const records = perPage.flatMap((page) => page.records);
        const byYear = new Map<number, pagefind.CustomRecord[]>();
        for (const page of perPage) {
          if (!byYear.has(page.year)) byYear.set(page.year, []);
          byYear.get(page.year)!.push(...page.records);
        }
        if (records.length === 0) throw new Error(`no report section to index in ${outDir}`);
        const pagefindDir = path.join(outDir, 'pagefind');
        // Pagefind writes in its own process; the pinyin lexicon is built on this thread
        // meanwhile, so on a clean build the two take as long as the longer one, not the sum.
        const writing = writeIndexes(byYear, pagefindDir, root);
        const { lexicon, cached } = await cachedPinyinLexicon(
          records.map((record) => record.content),
        );
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
        const lexiconDone = performance.now();
        const { indexes, reused } = await writing;
        const indexed = performance.now();
        const entry = await prepareSearchPage(outDir, base);
        await mkdir(path.join(outDir, PINYIN_DIR), { recursive: true });
        for (const [file, json] of lexiconFiles) await writeFile(path.join(outDir, file), json);
        await writeFile(
          path.join(outDir, SEARCH_SCOPE),
          JSON.stringify({
            ...scopeOf(pages),
            index: entry,
            // One index needs no list: the search page knows where the primary one is.
            ...(indexes.length > 1 ? { indexes } : {}),
          }),
        );
        const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
        logger.info(
          `search index: ${records.length} sections of ${pages.length} reports in ` +
            `${indexes.length} indexes (${reused} unchanged: reused); ` +
            `pinyin lexicon ${lexiconFiles.reduce((sum, [, json]) => sum + Buffer.byteLength(json), 0)} bytes ` +
            `in ${lexiconFiles.length} files${cached ? ' (cached)' : ''}; ` +
            `read pages ${seconds(started, read)} s, index ${seconds(read, indexed)} s, ` +
            `lexicon ${seconds(read, lexiconDone)} s (alongside), ` +
            `written ${seconds(started, performance.now())} s`,
        );
      },
    },
  };
}

/**
 * Writes the search index under `pagefindDir`, one Pagefind index per group of years
 * (src/lib/search/index-groups.ts), the newest group at its root. A group whose records are those
 * of a previous build is taken from the cache (src/node/index-cache.ts); the others are indexed
 * one after another, so Pagefind holds one group at a time. Any Pagefind error fails the build.
 */
async function writeIndexes(
  byYear: ReadonlyMap<number, pagefind.CustomRecord[]>,
  pagefindDir: string,
  root: string,
): Promise<{ indexes: NonNullable<SearchScopeData['indexes']>; reused: number }> {
  const counts = new Map([...byYear].map(([year, records]) => [year, records.length]));
  // Tests split a small fixture site by year (FZZF_INDEX_GROUP_RECORDS=1).
  const min = Number(process.env['FZZF_INDEX_GROUP_RECORDS']) || MIN_GROUP_RECORDS;
  const groups = groupYears(counts, min).filter((years) =>
    years.some((year) => byYear.get(year)?.length),
  );
  const folders = groups.map((years, i) => groupFolder(years, i));
  // Nested group folders (years/) are not part of the primary index's cache entry.
  const nested = [...new Set(folders.filter(Boolean).map((folder) => folder.split('/')[0]!))];
  const indexes: NonNullable<SearchScopeData['indexes']> = [];
  const keys: string[] = [];
  let reused = 0;
  try {
    for (const [i, years] of groups.entries()) {
      // In reading order, years oldest first, as one index of the whole site would hold them.
      const records = [...years].sort((a, b) => a - b).flatMap((year) => byYear.get(year) ?? []);
      const dir = path.join(pagefindDir, folders[i]!);
      const key = indexKey(records, root);
      keys.push(key);
      if (restoreIndex(key, dir)) reused += 1;
      else {
        await writeIndex(records, dir);
        storeIndex(key, dir, i === 0 ? nested : []);
      }
      // Only the primary index's folder serves the engine itself.
      if (i > 0) await removeEngine(dir);
      indexes.push({
        path: folders[i]!,
        years: [...years].sort((a, b) => b - a),
        tag: await tagOf(dir),
        records: records.length,
      });
    }
  } finally {
    await pagefind.close();
  }
  keepIndexes(keys);
  return { indexes, reused };
}

/** Indexes the records with Pagefind and writes the index to `dir`. */
async function writeIndex(records: pagefind.CustomRecord[], dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (let at = 0; at < records.length; at += BATCH) {
    const batch = records.slice(at, at + BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length)
        throw new Error(`Pagefind failed to index ${batch[i]!.url}: ${result.errors.join('; ')}`);
    });
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length)
    throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  // Pagefind's service keeps an index until it is deleted: one group at a time in its memory.
  await index.deleteIndex();
  await removeUnusedBundles(dir);
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

/** Every built report page (reports/<folder>/index.html) that declares a report. */
async function readReportPages(outDir: string): Promise<PageRecords[]> {
  const reportsDir = path.join(outDir, 'reports');
  const folders = (await readdir(reportsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const pages = await Promise.all(
    folders.map(async (folder) => {
      const html = await readFile(path.join(reportsDir, folder, 'index.html'), 'utf8').catch(
        () => '',
      );
      return html ? extractRecords(html) : undefined;
    }),
  );
  return pages.filter((page) => page !== undefined);
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
