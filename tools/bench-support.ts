// Pieces shared by bench-scale.ts and bench-network.ts: where the shared tools live, a static
// server that behaves like a host (Brotli or gzip as nginx sends them, Cache-Control) and logs what it sends, Chromium, a
// page-side recorder of when search results first became visible, and the figures a synthetic
// report's text states.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { type Response, serveDist } from '../tests/support/server.ts';
import { splitFrontmatter } from '../src/data/frontmatter.ts';
import { readIndicators } from '../src/data/indicators.ts';
import { proposeFigures } from '../src/lib/import/figures.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The shared tools folder (corpus generator, search-eval): FZZF_SHARED, ../shared, /work/shared. */
export function sharedToolsDir(): string {
  const candidates = [
    process.env['FZZF_SHARED'],
    path.resolve(ROOT, '../shared'),
    '/work/shared',
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'tools/corpus/gen.mjs')));
  if (!found) {
    console.error(
      `The shared tools (tools/corpus/gen.mjs) were not found in: ${candidates.join(', ')}.\n` +
        'Set FZZF_SHARED to the folder that holds tools/corpus and tools/search-eval.',
    );
    process.exit(2);
  }
  return found;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the browser's. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A response the server sent: URL path, body bytes (compressed where it applies), arrival time. */
export type Sent = Response;

export interface GzipServer {
  origin: string;
  sent: Sent[];
  /** Bytes and requests that reached the server within [from, to]. */
  between(from: number, to: number): { bytes: number; requests: number };
  close(): Promise<void>;
}

/**
 * Serves a built site as a static host would (tests/support/server.ts in production mode:
 * directory index, 404.html, text compressed as the shipped nginx does, `Cache-Control: max-age=600`) and logs what it sends.
 */
export async function serveGzip(dist: string): Promise<GzipServer> {
  const sent: Sent[] = [];
  const server = await serveDist(dist, {
    production: true,
    onResponse: (response) => sent.push(response),
  });
  return {
    origin: server.url.replace(/\/$/, ''),
    sent,
    between(from, to) {
      const hits = sent.filter((s) => s.at >= from && s.at <= to);
      return { bytes: hits.reduce((sum, s) => sum + s.bytes, 0), requests: hits.length };
    },
    close: server.close,
  };
}

/** Debian's Chromium with the browser tests' launch flags (tests/support/browser.ts). */
export const launchBrowser = launchChromium;

export const RESULT_LINK = '[data-search-results][aria-busy="false"] a';
export const SUGGESTION_LINK = '[role="listbox"] a, [role="option"] a';

export interface Marks {
  /** Last `input` event in the page, as epoch milliseconds. */
  lastInput?: number;
  /** First time a result link was in the results list, not busy. */
  results?: number;
  /** First time a suggestion link under the search box was visible. */
  suggestion?: number;
  /**
   * First time a suggestion link was visible in a list not marked aria-busy: the engine's
   * answer, where the list first shows sections already fetched for the shorter query.
   */
  settled?: number;
  timeOrigin: number;
}

const troubles = new WeakMap<Page, string[]>();

/**
 * Records, in every document of the page, the moment results and suggestions first appear.
 * Recording in the page avoids the round trip of polling from here, and lets the bytes that
 * arrive afterwards (prefetching for later queries) be told apart from those the search needed.
 */
export async function recordMarks(page: Page): Promise<void> {
  // Kept to explain a run that never shows results.
  const trouble: string[] = [];
  troubles.set(page, trouble);
  page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    trouble.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  await page.addInitScript(
    ([results, suggestion]) => {
      const marks: Record<string, number> = {};
      Object.assign(window, { __benchMarks: marks });
      const now = () => performance.timeOrigin + performance.now();
      // Suggestions count only once their list has changed since the last keystroke: the list
      // for the previous prefix, still on screen, is not the answer to the query typed.
      let listChanged = false;
      const inList = (node: Node) => {
        const element = node instanceof Element ? node : node.parentElement;
        return (
          !!element?.closest('[role="listbox"]') || !!element?.querySelector('[role="listbox"]')
        );
      };
      const check = () => {
        if (!marks['results'] && document.querySelector(results)) marks['results'] = now();
        if (!listChanged || marks['settled']) return;
        const visible = [...document.querySelectorAll<HTMLElement>(suggestion)].filter((a) =>
          a.checkVisibility(),
        );
        if (visible.length) marks['suggestion'] ??= now();
        if (visible.some((a) => !a.closest('[aria-busy="true"]'))) marks['settled'] = now();
      };
      new MutationObserver((records) => {
        listChanged ||= records.some(
          (record) => inList(record.target) || [...record.addedNodes].some(inList),
        );
        check();
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      // Visibility can change through CSS alone (e.g. :focus-within), which no mutation reports.
      const frame = () => {
        check();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      document.addEventListener(
        'input',
        () => {
          marks['lastInput'] = now();
          delete marks['suggestion'];
          delete marks['settled'];
          listChanged = false;
        },
        true,
      );
    },
    [RESULT_LINK, SUGGESTION_LINK] as const,
  );
}

export async function readMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => ({
    ...(window as unknown as { __benchMarks: Record<string, number> }).__benchMarks,
    timeOrigin: performance.timeOrigin,
  }));
}

/** Waits until the page has recorded the mark (results or suggestion); returns all marks. */
export async function waitForMark(
  page: Page,
  mark: 'results' | 'suggestion' | 'settled' = 'results',
  timeout = 60_000,
): Promise<Marks> {
  try {
    await page.waitForFunction(
      (name) =>
        (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks?.[name],
      mark,
      { timeout },
    );
  } catch (error) {
    if (mark !== 'results') throw error;
    const shown = await page
      .evaluate(() => document.querySelector('[data-search-status]')?.textContent ?? '')
      .catch(() => '?');
    throw new Error(
      `no search result within ${timeout} ms on ${page.url()} (status: "${shown}")\n` +
        (troubles.get(page) ?? []).join('\n'),
      { cause: error },
    );
  }
  return readMarks(page);
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Records a first edition for every report of a generated corpus, which the corpus tools write
 * without edition records (a published report without one stops the build). Run after adapting
 * the corpus into a project copy, as a publisher would on an existing site.
 */
export function recordFirstEditions(projectDir: string): void {
  execFileSync('npm', ['run', '--silent', 'publish-report', '--', '--all'], {
    cwd: projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Gives every report under `reportsDir` the figures its text states, as a publisher would list
 * them: the importer's recogniser (src/lib/import/figures.ts) reads each section's paragraphs
 * against content/indicators.yml, and the figures it proposes go into report.md uncommented.
 * The build's content check then verifies each one like any publisher's. Returns how many
 * figures were written and how many reports got at least one.
 */
export function addFigures(siteDir: string): { figures: number; reports: number } {
  const reportsDir = path.join(siteDir, 'content/reports');
  const { list } = readIndicators(path.join(siteDir, 'content/indicators.yml'));
  let figures = 0;
  let reports = 0;
  for (const folder of readdirSync(reportsDir)) {
    const dir = path.join(reportsDir, folder);
    const sections = readdirSync(dir)
      .filter((name) => name.endsWith('.md') && name !== 'report.md')
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((name) => {
        const parts = splitFrontmatter(readFileSync(path.join(dir, name), 'utf8'))!;
        const id = /^id:\s*(\S+)/m.exec(parts.frontmatter)![1]!;
        // Paragraphs as plain text: the synthetic bodies hold only text and **bold** lead-ins.
        const paragraphs = parts.body
          .split(/\n\s*\n/)
          .map((text) => text.replaceAll('**', '').trim())
          .filter(Boolean);
        return { id, paragraphs };
      });
    const proposed = proposeFigures(sections, list);
    if (!proposed.length) continue;
    const file = path.join(dir, 'report.md');
    const entries = proposed
      .map(
        (f) => `  - indicator: ${f.indicator}\n    value: ${f.value}\n    section: ${f.section}\n`,
      )
      .join('');
    const text = readFileSync(file, 'utf8');
    const close = text.indexOf('\n---\n', 3);
    writeFileSync(file, `${text.slice(0, close + 1)}figures:\n${entries}${text.slice(close + 1)}`);
    figures += proposed.length;
    reports += 1;
  }
  return { figures, reports };
}
