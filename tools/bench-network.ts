// Search as a reader on a slow mobile connection meets it: Chromium throttled through CDP
// (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), dist/ served compressed as the shipped nginx does (Brotli for Chromium) and max-age=600, a fresh
// browser context for every run. Three readers, interleaved run by run:
//   type:   opens the first report, focuses the search box, types the query over 1.5 s and
//           watches for a suggestion link under the box (n/a while the site has no such list),
//           then for the engine's answer (a suggestion in a list not marked aria-busy: the list
//           may first show sections fetched for the shorter query that hold the whole query);
//   submit: the same, then presses Enter at once and waits for a result on the results page;
//   cold:   opens /search/?q= directly.
// Bytes are response bodies as sent (compressed), headers excluded. Medians of --runs (default 5).
// --compare DIR: another built site (e.g. Starlight on the same report, see
// ../shared/tools/corpus/README.md) whose first report page is opened in the same runs, so the
// two first contentful paints are compared under the same load. DIST_DIR: the site to measure
// (a bench:scale --keep scratch build at 3,000 reports, say).
// Usage: SITE_URL=http://localhost:4321/ npm run build && npm run bench:network [-- --runs 5]
//        [--query 一网通办] [--compare /tmp/starlight/dist]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  epochNow,
  kib,
  launchBrowser,
  median,
  recordMarks,
  ROOT,
  serveGzip,
  SUGGESTION_LINK,
  waitForMark,
} from './bench-support.ts';
import { toolArgs } from '../src/node/tool-args.ts';

const { values: options } = toolArgs(
  {
    options: {
      runs: { type: 'string', default: '5' },
      query: { type: 'string', default: '一网通办' },
      compare: { type: 'string' },
    },
  },
  'usage: SITE_URL=http://localhost:4321/ npm run build && npm run bench:network ' +
    '[-- --runs 5] [--query 一网通办] [--compare OTHER_DIST]  (DIST_DIR=… measures another build)',
);
const runs = Number(options.runs);
const query = options.query;
const dist = path.resolve(ROOT, process.env['DIST_DIR'] ?? 'dist');
if (!existsSync(path.join(dist, 'search/index.html'))) {
  console.error(
    `${dist}/search/index.html is missing: run \`SITE_URL=http://localhost:4321/ npm run build\` first`,
  );
  process.exit(2);
}
// The site is served at /: a build for a sub-path would point every link and script elsewhere.
const action = /<form[^>]*role="search"[^>]*action="([^"]*)"/.exec(
  readFileSync(path.join(dist, 'search/index.html'), 'utf8'),
)?.[1];
if (action && action !== '/search/') {
  console.error(
    `dist/ was built for a sub-path (search at ${action}): build it for a root address, e.g. ` +
      '`SITE_URL=http://localhost:4321/ npm run build`',
  );
  process.exit(2);
}
/**
 * The first report page of a built site: /reports/<folder>/ here; elsewhere (Starlight: /2019/x/)
 * the first page two folders deep.
 */
function firstReportPage(root: string): string {
  if (existsSync(path.join(root, 'reports'))) {
    const folder = readdirSync(path.join(root, 'reports'), { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && existsSync(path.join(root, 'reports', entry.name, 'index.html')),
      )
      .map((entry) => entry.name)
      .sort()[0];
    if (folder) return `/reports/${folder}/`;
  }
  const dirs = (dir: string) =>
    readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^(_astro|pagefind)$/.test(entry.name))
      .map((entry) => path.posix.join(dir, entry.name))
      .sort();
  const page = dirs('')
    .flatMap(dirs)
    .find((dir) => existsSync(path.join(root, dir, 'index.html')));
  if (!page) throw new Error(`no report page in ${root}`);
  return `/${page}/`;
}
const reportPath = firstReportPage(dist);
const compareDist = options.compare ? path.resolve(options.compare) : undefined;
const comparePath = compareDist ? firstReportPage(compareDist) : undefined;

/** The issue's slow-mobile profile, in the units CDP wants: milliseconds and bytes per second. */
const CONDITIONS = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const TYPING_MS = 1500;
/** How long to look for suggestions when the box does not announce any (role=combobox etc.). */
const UNANNOUNCED_WAIT_MS = 3000;

const server = await serveGzip(dist);
const compareServer = compareDist ? await serveGzip(compareDist) : undefined;
const browser = await launchBrowser();

async function throttledPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', CONDITIONS);
  await recordMarks(page);
  return page;
}

interface ReportLoad {
  firstPaint: number;
  bytes: number;
  requests: number;
}

/** First contentful paint of the page, ms from navigation start. */
function contentfulPaint(page: Page): Promise<number> {
  // Headless Chromium may paint after the load event: wait for the entry rather than read it.
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (paint) resolve(paint.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 10_000);
      }),
  );
}

/** Opens the other site's first report page: its first contentful paint, bytes and requests. */
async function openCompared(page: Page): Promise<ReportLoad> {
  const from = epochNow();
  await page.goto(compareServer!.origin + comparePath!, { waitUntil: 'load' });
  const firstPaint = await contentfulPaint(page);
  return { firstPaint, ...compareServer!.between(from, epochNow()) };
}

/** Opens the report page, focuses the box and types the query, keystrokes spread over 1.5 s. */
async function openReportAndType(page: Page): Promise<ReportLoad & { focusAt: number }> {
  const from = epochNow();
  await page.goto(server.origin + reportPath, { waitUntil: 'load' });
  const firstPaint = await contentfulPaint(page);
  const focusAt = epochNow();
  const report = server.between(from, focusAt);
  await page.focus('#site-search');
  const chars = [...query];
  for (const [i, char] of chars.entries()) {
    if (i) await page.waitForTimeout(TYPING_MS / (chars.length - 1));
    await page.keyboard.type(char);
  }
  return { firstPaint, ...report, focusAt };
}

const samples = {
  firstPaint: [] as number[],
  reportBytes: [] as number[],
  reportRequests: [] as number[],
  suggest: [] as number[],
  settled: [] as number[],
  suggestBytes: [] as number[],
  typingBytes: [] as number[],
  submit: [] as number[],
  submitBytes: [] as number[],
  submitRequests: [] as number[],
  cold: [] as number[],
  coldBytes: [] as number[],
  coldRequests: [] as number[],
  comparePaint: [] as number[],
  compareBytes: [] as number[],
  compareRequests: [] as number[],
};
let suggestions = true;

try {
  for (let run = 1; run <= runs; run++) {
    // Submit: Enter right after the last keystroke.
    let page = await throttledPage(browser);
    const typed = await openReportAndType(page);
    const enterAt = epochNow();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/**', { waitUntil: 'commit' });
    const submitted = await waitForMark(page);
    if (Number.isFinite(typed.firstPaint)) samples.firstPaint.push(typed.firstPaint);
    samples.reportBytes.push(typed.bytes);
    samples.reportRequests.push(typed.requests);
    samples.typingBytes.push(server.between(typed.focusAt, enterAt).bytes);
    const afterEnter = server.between(enterAt, submitted.results!);
    samples.submit.push(submitted.results! - enterAt);
    samples.submitBytes.push(afterEnter.bytes);
    samples.submitRequests.push(afterEnter.requests);
    await page.context().close();

    // Type: the same keystrokes, watching for suggestions under the box.
    if (suggestions) {
      page = await throttledPage(browser);
      const start = await openReportAndType(page);
      const announced = await page.evaluate(
        () =>
          !!document.querySelector('[role="listbox"], [role="option"]') ||
          !!document
            .querySelector('#site-search')
            ?.matches('[role="combobox"], [aria-controls], [aria-autocomplete], [list]'),
      );
      try {
        const marks = await waitForMark(
          page,
          'suggestion',
          announced ? 30_000 : UNANNOUNCED_WAIT_MS,
        );
        samples.suggest.push(marks.suggestion! - marks.lastInput!);
        samples.suggestBytes.push(server.between(start.focusAt, marks.suggestion!).bytes);
        // The first suggestions may be sections fetched for the shorter query (aria-busy list).
        const settled = marks.settled ? marks : await waitForMark(page, 'settled', 30_000);
        samples.settled.push(settled.settled! - settled.lastInput!);
      } catch {
        // Not one suggestion in the first run: the site has no list yet; later runs skip it.
        if (run === 1) suggestions = false;
        else throw new Error(`run ${run}: no suggestion link appeared (${SUGGESTION_LINK})`);
      }
      await page.context().close();
    }

    // The other site's report page, in the same run.
    if (compareServer) {
      page = await throttledPage(browser);
      const compared = await openCompared(page);
      if (Number.isFinite(compared.firstPaint)) samples.comparePaint.push(compared.firstPaint);
      samples.compareBytes.push(compared.bytes);
      samples.compareRequests.push(compared.requests);
      await page.context().close();
    }

    // Cold: the results page straight from an address.
    page = await throttledPage(browser);
    const from = epochNow();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, {
      waitUntil: 'commit',
    });
    const cold = await waitForMark(page);
    const coldSent = server.between(from, cold.results!);
    samples.cold.push(cold.results! - cold.timeOrigin);
    samples.coldBytes.push(coldSent.bytes);
    samples.coldRequests.push(coldSent.requests);
    await page.context().close();
    process.stderr.write(
      `run ${run}/${runs}: first contentful paint ${typed.firstPaint.toFixed(0)} ms` +
        `${compareServer ? ` (compared ${samples.comparePaint.at(-1)?.toFixed(0)} ms)` : ''}, ` +
        `as you type ${samples.suggest.at(-1)?.toFixed(0) ?? 'n/a'}${suggestions ? ' ms' : ''}` +
        `${suggestions ? ` (engine's answer ${samples.settled.at(-1)?.toFixed(0)} ms)` : ''}, ` +
        `submit ${samples.submit.at(-1)!.toFixed(0)} ms, cold ${samples.cold.at(-1)!.toFixed(0)} ms\n`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await compareServer?.close();
}

const ms = (values: number[]) => (values.length ? median(values).toFixed(0) : 'n/a');
const bytes = (values: number[]) => median(values).toFixed(0);
const count = (values: number[]) => median(values).toFixed(0);
console.log(
  `\nnetwork: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; Brotli as nginx sends it, max-age=600; query ${query}; ` +
    `median of ${runs}, a fresh context each; bytes are compressed bodies as sent`,
);
console.log(
  `report page ${reportPath}: first contentful paint ${ms(samples.firstPaint)} ms; ` +
    `${kib(median(samples.reportBytes))} in ${count(samples.reportRequests)} requests until load`,
);
if (compareDist)
  console.log(
    `compared ${compareDist} ${comparePath}: first contentful paint ${ms(samples.comparePaint)} ms; ` +
      `${kib(median(samples.compareBytes))} in ${count(samples.compareRequests)} requests until load ` +
      `(this site's paint − compared, per run median: ${
        samples.comparePaint.length === samples.firstPaint.length
          ? median(samples.firstPaint.map((v, i) => v - samples.comparePaint[i]!)).toFixed(0)
          : 'n/a'
      } ms)`,
  );
console.log(
  suggestions
    ? `as you type, last keystroke → suggestion link visible: ${ms(samples.suggest)} ms; ` +
        `${kib(median(samples.suggestBytes))} from focus; the engine's answer for the whole ` +
        `query (list no longer aria-busy): ${ms(samples.settled)} ms`
    : `as you type: n/a (no visible ${SUGGESTION_LINK} under the search box)`,
);
console.log(
  `submit, Enter → result on the results page: ${ms(samples.submit)} ms; ` +
    `${kib(median(samples.submitBytes))} in ${count(samples.submitRequests)} requests after Enter, ` +
    `${kib(median(samples.typingBytes))} while typing (focus → Enter)`,
);
console.log(
  `results page cold, navigation → result: ${ms(samples.cold)} ms; ` +
    `${kib(median(samples.coldBytes))} in ${count(samples.coldRequests)} requests`,
);
console.log(
  `bench:network: runs=${runs} firstpaint_ms=${ms(samples.firstPaint)} ` +
    (compareDist ? `compare_firstpaint_ms=${ms(samples.comparePaint)} ` : '') +
    `report_bytes=${bytes(samples.reportBytes)} asyoutype_ms=${ms(samples.suggest)} ` +
    `asyoutype_settled_ms=${ms(samples.settled)} ` +
    `typing_bytes=${bytes(samples.typingBytes)} submit_ms=${ms(samples.submit)} ` +
    `submit_bytes=${bytes(samples.submitBytes)} submit_requests=${count(samples.submitRequests)} ` +
    `cold_ms=${ms(samples.cold)} cold_bytes=${bytes(samples.coldBytes)} ` +
    `cold_requests=${count(samples.coldRequests)}`,
);
