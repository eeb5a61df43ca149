import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pagefindIntegration, { stopSearchIndex } from '../../src/integrations/pagefind.ts';
import { SEARCH_INDEX_META } from '../../src/lib/search/search-page.ts';
import { pageWritten } from '../../src/node/page-written.ts';

// The search index is built while the site generator writes the other pages: driven here through
// the integration's hooks, with a stand-in generator, as Astro drives them in a build.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-index-alongside-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache')));
afterEach(() => vi.unstubAllEnvs());

type Hooks = Required<AstroIntegration['hooks']>;
const logger = { info: () => undefined } as never;

const reportHtml = (folder: string, year: number, text: string) =>
  `<!doctype html><main data-search-report="${folder}" data-search-year="${year}" ` +
  `data-search-agency="x" data-search-title="${year}年报告"><section data-search-section="s1"` +
  `><h2 id="s1">一、总体情况</h2><div data-search-text><p id="s1-p1">${text}</p></div></section></main>`;

function writePage(out: string, file: string, html: string): void {
  mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  writeFileSync(path.join(out, file), html);
}

/** The integration set up for a build into `out`, and the generator it wraps Astro's in. */
function startBuild(out: string, listed: (string | { pathname: string; cacheKey: string })[]) {
  const hooks = pagefindIntegration().hooks as Hooks;
  hooks['astro:config:done']({
    config: {
      base: '/',
      root: pathToFileURL(`${process.cwd()}/`),
      outDir: pathToFileURL(`${out}/`),
    },
  } as never);
  let wrap: ((generator: AstroPrerenderer) => AstroPrerenderer) | undefined;
  hooks['astro:build:start']({ logger, setPrerenderer: (given: never) => (wrap = given) } as never);
  const generator: AstroPrerenderer = {
    name: 'stand-in',
    getStaticPaths: async () =>
      listed.map(
        (each) =>
          ({
            ...(typeof each === 'string' ? { pathname: each } : each),
            route: { type: 'page' },
          }) as never,
      ),
    render: async () => new Response(''),
  };
  return { hooks, generator: wrap!(generator) };
}

describe('the search index built alongside the pages', () => {
  it('lists report pages first and indexes each once announced, before the site is done', async () => {
    const out = path.join(scratch, 'site');
    const { hooks, generator } = startBuild(out, [
      '/reports/2022-x/s1/',
      '/',
      '/reports/2023-x/',
      '/reports/2022-x/',
      '/search/',
    ]);
    expect((await generator.getStaticPaths()).map((page) => page.pathname)).toEqual([
      '/reports/2023-x/',
      '/reports/2022-x/',
      '/reports/2022-x/s1/',
      '/',
      '/search/',
    ]);
    writePage(out, 'reports/2023-x/index.html', reportHtml('2023-x', 2023, '一网通办'));
    writePage(out, 'reports/2022-x/index.html', reportHtml('2022-x', 2022, '放管服改革'));
    pageWritten('reports/2023-x/index.html');
    pageWritten('reports/2022-x/index.html');
    // The index is written while the rest of the site is still to come.
    await vi.waitFor(
      () => expect(existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true),
      {
        timeout: 20_000,
        interval: 50,
      },
    );
    expect(existsSync(path.join(out, 'search/scope.json'))).toBe(false);
    writePage(out, 'search/index.html', `<head>${SEARCH_INDEX_META.placeholder}</head>`);
    await generator.teardown?.();
    await hooks['astro:build:generated']({ logger } as never);
    await hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never);
    const scope = JSON.parse(readFileSync(path.join(out, 'search/scope.json'), 'utf8'));
    expect(scope.years).toEqual(expect.arrayContaining([2022, 2023]));
    expect(readFileSync(path.join(out, 'search/index.html'), 'utf8')).not.toContain(
      SEARCH_INDEX_META.placeholder,
    );
  }, 30_000);

  it("writes each group of years as soon as it is final, when the cache keys tell each page's year", async () => {
    vi.stubEnv('FZZF_INDEX_GROUP_RECORDS', '1');
    const out = path.join(scratch, 'by-year');
    const { hooks, generator } = startBuild(out, [
      { pathname: '/reports/2022-x/', cacheKey: '2022.b' },
      { pathname: '/reports/2023-x/', cacheKey: '2023.a' },
      { pathname: '/reports/2021-x/', cacheKey: '2021.c' },
      '/search/',
    ]);
    expect((await generator.getStaticPaths()).map((page) => page.pathname)).toEqual([
      '/reports/2023-x/',
      '/reports/2022-x/',
      '/reports/2021-x/',
      '/search/',
    ]);
    for (const year of [2023, 2022]) {
      writePage(
        out,
        `reports/${year}-x/index.html`,
        reportHtml(`${year}-x`, year, `${year}年一网通办`),
      );
      pageWritten(`reports/${year}-x/index.html`);
    }
    // 2023 is a group of its own once 2022 closes the next one: the newest index is written
    // while 2021's page is still to come, and 2022's waits (an older remainder could join it).
    await vi.waitFor(
      () => expect(existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true),
      { timeout: 20_000, interval: 50 },
    );
    expect(existsSync(path.join(out, 'pagefind.001'))).toBe(false);
    writePage(out, 'reports/2021-x/index.html', reportHtml('2021-x', 2021, '放管服改革'));
    pageWritten('reports/2021-x/index.html');
    writePage(out, 'search/index.html', `<head>${SEARCH_INDEX_META.placeholder}</head>`);
    await generator.teardown?.();
    await hooks['astro:build:generated']({ logger } as never);
    await hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never);
    const scope = JSON.parse(readFileSync(path.join(out, 'search/scope.json'), 'utf8'));
    expect(
      scope.indexes.map((index: { path: string; years: number[] }) => [index.path, index.years]),
    ).toEqual([
      ['', [2023]],
      ['years/2022/', [2022]],
      ['years/2021/', [2021]],
    ]);
    for (const folder of ['pagefind/years/2022', 'pagefind/years/2021'])
      expect(existsSync(path.join(out, folder, 'pagefind-entry.json')), folder).toBe(true);
  }, 30_000);

  it('fails when a report page declares another year than its cache key', async () => {
    const out = path.join(scratch, 'wrong-year');
    const { hooks, generator } = startBuild(out, [
      { pathname: '/reports/2023-x/', cacheKey: '2022.a' },
      '/search/',
    ]);
    await generator.getStaticPaths();
    writePage(out, 'reports/2023-x/index.html', reportHtml('2023-x', 2023, '一网通办'));
    pageWritten('reports/2023-x/index.html');
    writePage(out, 'search/index.html', `<head>${SEARCH_INDEX_META.placeholder}</head>`);
    await hooks['astro:build:generated']({ logger } as never);
    await expect(
      hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never),
    ).rejects.toThrow(/declares year 2023, its cache key 2022/);
  }, 30_000);

  it('reads a page that was never announced only once every page is generated', async () => {
    const out = path.join(scratch, 'unannounced');
    const { hooks, generator } = startBuild(out, ['/reports/2023-x/', '/search/']);
    await generator.getStaticPaths();
    writePage(out, 'reports/2023-x/index.html', reportHtml('2023-x', 2023, '一网通办'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
    writePage(out, 'search/index.html', `<head>${SEARCH_INDEX_META.placeholder}</head>`);
    await hooks['astro:build:generated']({ logger } as never);
    await hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never);
    expect(existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
  }, 30_000);

  it('stops writing when the build fails, so the build folder can be removed for good', async () => {
    const out = path.join(scratch, 'failed');
    const { hooks, generator } = startBuild(out, ['/reports/2023-x/', '/']);
    await generator.getStaticPaths();
    writePage(out, 'reports/2023-x/index.html', reportHtml('2023-x', 2023, '一网通办'));
    pageWritten('reports/2023-x/index.html');
    await stopSearchIndex();
    rmSync(out, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(out)).toBe(false);
    // A build:done that still ran would fail rather than publish without an index.
    await expect(
      hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never),
    ).rejects.toThrow();
  }, 30_000);

  it('fails as before when no report page declares a section', async () => {
    const out = path.join(scratch, 'empty');
    const { hooks, generator } = startBuild(out, ['/reports/2023-x/']);
    await generator.getStaticPaths();
    writePage(out, 'reports/2023-x/index.html', '<p>moved</p>');
    pageWritten('reports/2023-x/index.html');
    await hooks['astro:build:generated']({ logger } as never);
    await expect(
      hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger } as never),
    ).rejects.toThrow(`no report section to index in ${out}`);
  });
});
