// Prints the search's size and speed figures for the built site in dist/ (or DIST_DIR):
//   index size, bytes on the wire for the first (cold) search and for later ones, time from
//   navigation to results on /search/?q=, time per later query typed in the box (p50/p95),
//   and, when the public query set tool is found, its UI-mode scores.
// The site is served on 127.0.0.1 compressed and with Cache-Control as the shipped nginx does.
// Usage: npm run bench:search [-- --eval /path/to/search-eval]
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/server.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(root, process.env['DIST_DIR'] ?? 'dist');
const evalArg = process.argv.indexOf('--eval');
const evalDir =
  evalArg > 0
    ? process.argv[evalArg + 1]!
    : (process.env['SEARCH_EVAL_DIR'] ?? path.resolve(root, '../shared/tools/search-eval'));

if (!existsSync(path.join(dist, 'search/index.html'))) {
  console.error(`${dist}/search/index.html is missing: run \`npm run build\` first`);
  process.exit(2);
}

// --- Index size -------------------------------------------------------------------------------
const sizeOf = (dir: string, test: (name: string) => boolean = () => true): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return (
      sum + (entry.isDirectory() ? sizeOf(full, test) : test(entry.name) ? statSync(full).size : 0)
    );
  }, 0);
const pagefindDir = path.join(dist, 'pagefind');
const indexBytes =
  sizeOf(path.join(pagefindDir, 'index')) +
  sizeOf(pagefindDir, (name) => name.endsWith('.pf_meta'));
const fragmentBytes = sizeOf(path.join(pagefindDir, 'fragment'));
const lexicon = readFileSync(path.join(dist, 'search/pinyin.json'));
const searchPage = readFileSync(path.join(dist, 'search/index.html'), 'utf8');
const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(searchPage)?.[1] ?? '';
console.log(
  `index: words ${indexBytes} B, fragments ${fragmentBytes} B (Pagefind files, gzipped by Pagefind)`,
);
console.log(
  `pinyin lexicon: ${lexicon.length} B raw, ${zlib.gzipSync(lexicon).length} B gzip (fetched only for Latin-letter queries)`,
);
console.log(
  `search page data: synonyms ${attr('data-synonyms').length} B, Traditional characters ${attr('data-traditional').length} B (in the HTML)`,
);

// --- Server -----------------------------------------------------------------------------------
const sent: { url: string; bytes: number }[] = [];
const [server, browser] = await Promise.all([
  serveDist(dist, { production: true, onResponse: (response) => sent.push(response) }),
  launchChromium(),
]);

/** Milliseconds from navigation start to the results list leaving aria-busy="true" with a search done. */
async function openSearch(page: Page, query: string): Promise<number> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false' &&
      document.readyState === 'complete',
  );
  return page.evaluate(
    () => performance.getEntriesByName('search:results').at(-1)?.startTime ?? performance.now(),
  );
}

/** Types a query into the box and returns the milliseconds until its results are shown. */
function typeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const list = document.querySelector('[data-search-results]')!;
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        let busy = false;
        const observer = new MutationObserver(() => {
          if (list.getAttribute('aria-busy') === 'true') busy = true;
          else if (busy) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
        const start = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const group = (list: typeof sent) => {
  // The page itself is its HTML, stylesheet and icon; everything else is there for searching.
  const search = list.filter((r) => !/(\/|\.css|\.svg)$/.test(r.url));
  return {
    all: list.reduce((s, r) => s + r.bytes, 0),
    search: search.reduce((s, r) => s + r.bytes, 0),
  };
};

const LATER = [
  '营商环境',
  '执法质量考评',
  '詐騙',
  'yiwangtongban',
  '下一步',
  '2023.11.15',
  '交通 隐患',
  '如何提升执法水平',
  '习近平法治思想',
  '4家派出所',
  '顽瘴痼疾',
  '三所联动',
  '钱袋子',
  '网办率',
  '知识产权保护',
  '维稳',
  '山姆',
  '30项',
  '谁办案谁负责',
  '反诈',
];
try {
  // Cold: a new browser profile opens /search/?q= directly.
  const times: number[] = [];
  let firstBytes = { all: 0, search: 0 };
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = sent.length;
    times.push(await openSearch(page, '一网通办'));
    if (run === 0) {
      // What the browser fetched before the results were shown (compressed bodies), apart from what it fetches ahead afterwards.
      const shown = await page.evaluate(() => {
        const done = performance.getEntriesByName('search:results').at(-1)?.startTime ?? Infinity;
        const entries = [
          ...performance.getEntriesByType('navigation'),
          ...performance.getEntriesByType('resource'),
        ] as PerformanceResourceTiming[];
        return entries
          .filter((e) => e.startTime <= done)
          .reduce((sum, e) => sum + e.encodedBodySize, 0);
      });
      console.log(
        `first search, fetched before the results were shown: ${kb(shown)} (compressed bodies, by Resource Timing)`,
      );
      firstBytes = group(sent.slice(before));
      console.log('first search, files on the wire:');
      for (const r of sent.slice(before))
        console.log(`  ${String(r.bytes).padStart(7)} B  ${r.url}`);
    }
    await context.close();
  }
  console.log(
    `first search (cold cache): ${kb(firstBytes.all)} on the wire for page and search, of which the engine, index and search scripts ${kb(firstBytes.search)}`,
  );
  console.log(
    `navigation to results, cold: median ${percentile(times, 0.5).toFixed(0)} ms (5 runs)`,
  );

  // Warm: same profile, a second visit to the search page, then queries typed in the box.
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSearch(page, '一网通办');
  let before = sent.length;
  const warm = await openSearch(page, '营商环境');
  console.log(
    `navigation to results, warm cache: ${warm.toFixed(0)} ms, ${kb(group(sent.slice(before)).all)} on the wire`,
  );
  before = sent.length;
  const firstRound: number[] = [];
  for (const q of LATER) firstRound.push(await typeQuery(page, q));
  const laterBytes = group(sent.slice(before));
  console.log(
    `later queries, each new to the page: p50 ${percentile(firstRound, 0.5).toFixed(1)} ms, p95 ${percentile(firstRound, 0.95).toFixed(1)} ms, max ${Math.max(...firstRound).toFixed(1)} ms (${firstRound.length} queries; the first Traditional and the first pinyin query fetch their converter), ${kb(laterBytes.all)} on the wire for all of them`,
  );
  console.log(`  ${LATER.map((q, i) => `${q} ${firstRound[i]!.toFixed(1)}`).join(', ')}`);
  // Typing character by character: every prefix of a few queries, as a reader's keystrokes.
  const keystrokes: number[] = [];
  for (const q of [
    '执法监督管理委员会',
    '电信网络诈骗防控',
    '优化营商环境举措',
    'zhifajiandu',
    '行政机关负责人出庭应诉',
  ]) {
    const chars = [...q];
    for (let i = 1; i <= chars.length; i++)
      keystrokes.push(await typeQuery(page, chars.slice(0, i).join('')));
  }
  console.log(
    `keystrokes (every prefix of 5 queries): p50 ${percentile(keystrokes, 0.5).toFixed(1)} ms, p95 ${percentile(keystrokes, 0.95).toFixed(1)} ms (${keystrokes.length} searches)`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// --- Public query set, UI mode --------------------------------------------------------------
if (existsSync(path.join(evalDir, 'eval-ui.mjs'))) {
  // The tool's folder may be read-only: run a copy that uses this project's playwright-core.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'search-eval-'));
  try {
    cpSync(evalDir, copy, {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
    const out = execFileSync(process.execPath, [path.join(copy, 'eval-ui.mjs'), dist, '--quiet'], {
      encoding: 'utf8',
    });
    console.log(out.trim().split('\n').at(-1));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
} else console.log(`search-eval: not found at ${evalDir} (pass --eval DIR)`);
