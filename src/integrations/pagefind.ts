import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadContent } from '../data/content-files.ts';
import { buildOutline, flattenOutline } from '../lib/content/outline.ts';
import { REPORTS_DIR } from '../data/paths.ts';
import { publishedReports } from '../data/drafts.ts';
import { buildPinyinLexicon } from '../node/pinyin-lexicon.ts';
import {
  extractSections,
  PART_LABELS,
  recordContent,
  type SearchRecordMeta,
} from '../node/page-records.ts';
import {
  assetPath,
  normaliseBase,
  PAGEFIND_DIR,
  PINYIN_LEXICON,
  reportPath,
} from '../lib/addresses/urls.ts';
import type { StatutoryItem } from '../schemas/section.ts';

/** Where the pinyin lexicon is written, under the site's output folder. */

/**
 * Builds the Pagefind index into <outDir>/pagefind after every build. The unit of search is the
 * section: one record per section of each report (its heading and own paragraphs, read from the
 * built report page), leading to the section's anchor in the full report, with the report's
 * year, agency and statutory part as filters. A site without a working search is a failed
 * build: any Pagefind error, or an index with no records, stops it.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'fzzf:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const texts: string[] = [];
          let count = 0;
          for (const report of await readReports(path.resolve(REPORTS_DIR))) {
            const html = await readFile(
              path.join(outDir, 'reports', report.folder, 'index.html'),
              'utf8',
            );
            // Pagefind puts its baseUrl option (the site's base) in front of record URLs itself.
            const page = reportPath('/', report.folder);
            for (const section of extractSections(html)) {
              const { content, offsets } = recordContent(section);
              if (!content) continue;
              texts.push(content);
              const item = report.items.get(section.id);
              const meta: SearchRecordMeta & Record<string, string> = {
                title: report.title,
                section: section.id,
                heading: section.heading,
                part: report.parts.get(section.id) ?? '',
                paragraphs: offsets,
              };
              const added = await index.addCustomRecord({
                url: section.id ? `${page}#${section.id}` : `${page}#${section.paragraphs[0]!.id}`,
                content,
                language: 'zh-cn',
                meta,
                filters: {
                  year: [String(report.year)],
                  agency: [report.agency],
                  ...(item ? { part: [PART_LABELS[item]] } : {}),
                },
              });
              if (added.errors.length)
                throw new Error(
                  `Pagefind failed to index ${report.folder}#${section.id}: ${added.errors.join('; ')}`,
                );
              count += 1;
            }
          }
          if (count === 0) throw new Error(`no report section to index in ${outDir}`);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
          await removeUnusedBundles(path.join(outDir, 'pagefind'));
          await preloadOnSearchPage(outDir, base);
          const lexicon = JSON.stringify(buildPinyinLexicon(texts));
          await mkdir(path.join(outDir, path.dirname(PINYIN_LEXICON)), { recursive: true });
          await writeFile(path.join(outDir, PINYIN_LEXICON), lexicon);
          logger.info(
            `search index: ${count} sections; pinyin lexicon ${Buffer.byteLength(lexicon)} bytes`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
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

/**
 * The search page is rendered before the index exists, so the index's file names are added to it
 * here: preload hints let the browser fetch the engine's files in parallel with the page's own
 * script instead of one after another, and the index's hash becomes Pagefind's cache tag, so its
 * entry file is cacheable until the next build changes it.
 */
async function preloadOnSearchPage(outDir: string, base: string): Promise<void> {
  const pagefindDir = path.join(outDir, 'pagefind');
  const entry = JSON.parse(
    await readFile(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8'),
  ) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const languages = Object.values(entry.languages);
  const tag = languages.map((language) => language.hash).join('-');
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
    // Section texts (fragments) are not preloaded: measured, a dozen more requests on the
    // page's six connections delayed the engine more than they saved.
  ];
  const links = files
    .map(
      (file) =>
        `<link rel="preload" href="${assetPath(base, PAGEFIND_DIR + file)}" as="fetch" crossorigin>`,
    )
    .join('');
  const page = path.join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  if (!html.includes('</head>') || !html.includes('<report-search '))
    throw new Error(`${page} has no <report-search> to prepare`);
  await writeFile(
    page,
    html
      .replace('</head>', `${links}</head>`)
      .replace('<report-search ', `<report-search data-index-tag="${tag}" `),
  );
}

interface ReportForIndex {
  folder: string;
  title: string;
  year: number;
  agency: string;
  /** Statutory item of each section id, subsections inheriting their part's. */
  items: Map<string, StatutoryItem>;
  /** Heading of the part each subsection belongs to. */
  parts: Map<string, string>;
}

/** Report metadata the index needs, read from the content files (already validated by the build). */
async function readReports(reportsDir: string): Promise<ReportForIndex[]> {
  const { reports, sections } = await loadContent(reportsDir);
  return publishedReports(reports).map(({ folder, data }) => {
    const outline = buildOutline(
      sections
        .filter((section) => section.folder === folder)
        .map((section) => ({ data: section.data, entry: undefined })),
    );
    return {
      folder,
      title: data.title,
      year: data.year,
      agency: data.agency.shortName,
      items: new Map(flattenOutline(outline).map((section) => [section.id, section.item])),
      parts: new Map(
        outline.flatMap((part) => part.children.map((child) => [child.id, part.heading] as const)),
      ),
    };
  });
}
