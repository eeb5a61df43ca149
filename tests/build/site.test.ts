import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import { pathBuilders, withBase } from '../../src/lib/addresses/urls.ts';
import { sitePages } from '../../src/lib/portal/page-model.ts';
import { readRecord } from '../../src/data/editions.ts';
import { recordPages } from '../../src/lib/editions/record.ts';
import {
  assertBuilt,
  DIST,
  htmlFiles,
  page,
  reportFolders,
  ROOT,
  SECTION_PAGE,
} from '../support/dist.ts';
import { brokenReferences } from '../support/links.ts';

beforeAll(() => assertBuilt());

describe('pages', () => {
  it('builds home, search, 404 and one page per report folder', () => {
    const files = htmlFiles();
    for (const file of ['index.html', '404.html', 'search/index.html'])
      expect(files).toContain(file);
    for (const folder of reportFolders()) expect(files).toContain(`reports/${folder}/index.html`);
  });

  it.each(htmlFiles())('%s declares zh-CN, a title and a description', (file) => {
    const $ = page(file);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('title').text().trim().length).toBeGreaterThan(4);
    expect($('meta[name="description" i]').attr('content')?.trim().length).toBeGreaterThan(10);
    expect($('h1')).toHaveLength(1);
  });

  it('gives every page its own title', () => {
    const titles = htmlFiles().map((file) => page(file)('title').text());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('lists reports newest first on the home page, each with agency, title and date', () => {
    const $ = page('index.html');
    const years = $('.report-year h2')
      .toArray()
      .map((h) => Number(/\d{4}/.exec($(h).text())![0]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const items = $('.report-list li');
    expect(items.length).toBe(reportFolders().length);
    items.each((_, li) => {
      expect($(li).find('a.report-link').text()).toMatch(/\S/);
      expect($(li).find('time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect($(li).find('.report-list-meta').text()).toMatch(/局|委|府|院|办/);
    });
  });
});

describe('ids and links', () => {
  it.each(htmlFiles())('%s has unique ASCII ids', (file) => {
    const ids = page(file)('[id]')
      .toArray()
      .map((element) => element.attribs['id']!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it.each(htmlFiles())('%s links only to pages and fragments that exist', (file) => {
    expect(brokenReferences(DIST, '/', [file])).toEqual([]);
  });

  it.each(reportFolders())(
    'report %s: the contents list links every part and subsection, in order',
    (folder) => {
      const $ = page(`reports/${folder}/index.html`);
      const tocTargets = $('.report-toc a')
        .toArray()
        .map((a) => a.attribs['href']);
      const headings = $('.report-body h2[id], .report-body h3[id]')
        .toArray()
        .map((h) => `#${h.attribs['id']}`);
      expect(headings.length).toBeGreaterThan(0);
      expect(tocTargets).toEqual(headings);
    },
  );

  it.each(reportFolders())(
    'report %s: headings carry their published numbering and a link to themselves',
    (folder) => {
      const $ = page(`reports/${folder}/index.html`);
      $('.report-body h2[id]').each((_, h) =>
        expect($(h).text()).toMatch(/^[一二三四五六七八九十]+、/),
      );
      $('.report-body h3[id]').each((_, h) =>
        expect($(h).text()).toMatch(/^（[一二三四五六七八九十]+）/),
      );
      $('.report-body h2[id], .report-body h3[id]').each((_, h) => {
        const id = h.attribs['id']!;
        // Named 本节链接 and the heading by reference (aria-labelledby).
        expect($(h).parent().find(`a[href="#${id}"]`).attr('aria-labelledby')).toBe(`sl_ ${id}`);
      });
    },
  );

  it('gives the 2023 report sections the ids their frontmatter fixes', () => {
    const $ = page('reports/2023-jiading-police/index.html');
    expect($('#s1-2').text()).toBe('（二）从严打击违法犯罪，用法治力量和手段守护人民美好生活');
    expect($('#s3-4').text()).toBe('（四）持续深化“放管服”改革。');
    expect($('#s2').text()).toBe('二、工作中存在的不足');
  });

  it.each(reportFolders())('report %s ends with the signature and date', (folder) => {
    const $ = page(`reports/${folder}/index.html`);
    const last = $('.report-body').children().last();
    expect(last.is('.report-signature')).toBe(true);
    expect(last.find('time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('privacy and safety', () => {
  it.each(htmlFiles())('%s has no inline script or style a strict CSP would block', (file) => {
    const $ = page(file);
    // JSON-LD is a data block: browsers never run it, so CSP has nothing to block. Any other
    // inline script runs only if the policy names its hash.
    $('script:not([type="application/ld+json"])').each((_, script) => {
      if (script.attribs['src']) return;
      const hash = createHash('sha256').update($(script).text()).digest('base64');
      const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      expect(policy, $.html(script)).toMatch(/script-src [^;]*/);
      expect(/script-src [^;]*/.exec(policy)![0], $.html(script)).toContain(`'sha256-${hash}'`);
    });
    expect($('style')).toHaveLength(0);
    expect($('[style]')).toHaveLength(0);
    const handlers = $('*')
      .toArray()
      .flatMap((element) =>
        ('attribs' in element ? Object.keys(element.attribs) : []).filter((name) =>
          name.startsWith('on'),
        ),
      );
    expect(handlers).toEqual([]);
  });

  it.each(htmlFiles())('%s loads nothing from another origin', (file) => {
    const $ = page(file);
    const resources = [
      ...$('script[src]')
        .toArray()
        .map((element) => element.attribs['src']!),
      ...$('link[href]:not([rel="canonical"]):not([rel="alternate"])')
        .toArray()
        .map((element) => element.attribs['href']!),
      ...$('img[src], iframe[src], source[src], video[src], audio[src]')
        .toArray()
        .map((element) => element.attribs['src']!)
        // An image inside the page itself (the QR code) is fetched from nowhere.
        .filter((src) => !/^data:image\/png;base64,/.test(src)),
    ];
    for (const url of resources) expect(url, `${file}: ${url}`).toMatch(/^\/(?!\/)|^\.\.?\//);
  });

  it('ships stylesheets and scripts that fetch nothing from another origin', () => {
    const assets = readdirSync(path.join(DIST, '_astro')).filter((name) =>
      /\.(css|js)$/.test(name),
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const name of assets) {
      const text = readFileSync(path.join(DIST, '_astro', name), 'utf8');
      expect(text, name).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
      expect(text, name).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//);
    }
  });
});

/** The files a page links for its first paint and its script: what a first visit fetches. */
function pageAssets(file: string): { stylesheets: string[]; scripts: string[] } {
  const $ = page(file);
  const local = (href: string) => path.join(DIST, href.replace(/^\/(.*\/)?_astro\//, '_astro/'));
  return {
    stylesheets: $('link[rel="stylesheet"]')
      .toArray()
      .map((element) => local(element.attribs['href']!)),
    scripts: $('script[type="module"][src]')
      .toArray()
      .map((element) => local(element.attribs['src']!)),
  };
}

/** Other scripts a script imports before it runs (static imports; import() loads on demand). */
const staticImports = (code: string): string[] =>
  [...code.matchAll(/\bimport\s*(?:[^()'"`;]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map(
    (match) => match[1]!,
  );

/** Other scripts a script imports on demand (import() of a literal path). */
const dynamicImports = (code: string): string[] =>
  [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);

/** Every script `script` loads, before it runs and on demand, itself included. */
function scriptsReached(script: string): Set<string> {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    const code = readFileSync(file, 'utf8');
    for (const next of [...staticImports(code), ...dynamicImports(code)])
      visit(path.resolve(path.dirname(file), next));
  };
  visit(script);
  return reached;
}

describe('what a first visit fetches', () => {
  it('is one stylesheet and one script on a report page and the search page', () => {
    for (const file of [`reports/${reportFolders()[0]}/index.html`, 'search/index.html']) {
      const { stylesheets, scripts } = pageAssets(file);
      expect(stylesheets, file).toHaveLength(1);
      expect(scripts, file).toHaveLength(1);
    }
  });

  it("loads no other script before a report page's runs", () => {
    const { scripts } = pageAssets(`reports/${reportFolders()[0]}/index.html`);
    expect(staticImports(readFileSync(scripts[0]!, 'utf8'))).toEqual([]);
  });

  it("has the search page's script import only the engine that search as you type loads too", () => {
    const report = pageAssets(`reports/${reportFolders()[0]}/index.html`).scripts[0]!;
    const search = pageAssets('search/index.html').scripts[0]!;
    const imported = staticImports(readFileSync(search, 'utf8')).map((file) =>
      path.resolve(path.dirname(search), file),
    );
    expect(imported.length).toBeGreaterThan(0);
    const fromReport = scriptsReached(report);
    for (const file of imported) expect(fromReport, path.basename(file)).toContain(file);
    // Nothing of the every-page script itself: that would load a report's tools here.
    expect(imported).not.toContain(report);
  });

  it('finds the imports a script makes before it runs, and those it makes on demand', () => {
    const code = 'import{a as e}from"./x.js";import"./y.js";import("./z.js");import(`./w.js`)';
    expect(staticImports(code)).toEqual(['./x.js', './y.js']);
    expect(dynamicImports(code)).toEqual(['./z.js', './w.js']);
  });

  it("gives the search page its own script and stylesheet, without a report's tools", () => {
    const report = pageAssets(`reports/${reportFolders()[0]}/index.html`);
    const search = pageAssets('search/index.html');
    expect(search.scripts[0]).not.toBe(report.scripts[0]);
    expect(search.stylesheets[0]).not.toBe(report.stylesheets[0]);
    const code = (file: string) => readFileSync(file, 'utf8');
    // A name as a string literal, in any of the quotes a minifier picks.
    const named = (name: string) => new RegExp(`["'\`]${name}["'\`]`);
    // Custom elements are defined by name, which minification keeps.
    for (const element of ['toc-spy', 'copy-link-status', 'page-tools', 'back-to-top']) {
      expect(code(report.scripts[0]!)).toMatch(named(element));
      expect(code(search.scripts[0]!)).not.toMatch(named(element));
    }
    expect(code(search.scripts[0]!)).toMatch(named('reader-controls'));
    expect(code(search.scripts[0]!)).toMatch(named('report-search'));
    expect(code(report.scripts[0]!)).not.toMatch(named('report-search'));
    // links.css (a report's anchors, the landed words) is in the site's stylesheet only.
    const has = (file: string, text: string) => code(file).includes(text);
    expect(has(report.stylesheets[0]!, '::target-text'), 'site stylesheet').toBe(true);
    expect(has(search.stylesheets[0]!, '::target-text'), 'search stylesheet').toBe(false);
    expect(has(search.stylesheets[0]!, '.search-results'), 'search stylesheet').toBe(true);
  });

  it("gives section pages the site's stylesheet with their own layout, which a report page leaves out", () => {
    const folder = reportFolders()[0]!;
    const report = pageAssets(`reports/${folder}/index.html`).stylesheets[0]!;
    const sections = htmlFiles().filter((file) => SECTION_PAGE.test(file));
    expect(sections.length).toBeGreaterThan(0);
    const code = (file: string) => readFileSync(file, 'utf8');
    for (const file of sections) {
      const { stylesheets } = pageAssets(file);
      expect(stylesheets, file).toHaveLength(1);
      expect(stylesheets[0], file).not.toBe(report);
      expect(code(stylesheets[0]!), file).toContain('.section-pagination');
      // Everything else the report page's stylesheet has, the section page's has too.
      expect(code(stylesheets[0]!), file).toContain('::target-text');
    }
    expect(code(report)).not.toContain('.section-pagination');
  });

  it('loads the rules of what shows only once the reader acts with the code that shows it', () => {
    const report = pageAssets(`reports/${reportFolders()[0]}/index.html`);
    const css = readFileSync(report.stylesheets[0]!, 'utf8');
    for (const rule of [
      '.reader-controls-panel',
      '.search-suggest',
      '.search-highlight-bar',
      '.copy-link-status{',
    ])
      expect(css, rule).not.toContain(rule);
    // Each is a stylesheet of its own that a script on demand adds (src/scripts/stylesheet.ts).
    const scripts = [...scriptsReached(report.scripts[0]!)].map((file) =>
      readFileSync(file, 'utf8'),
    );
    for (const name of ['reader-panel', 'suggest', 'highlight', 'copy-links'])
      expect(
        scripts.some((code) => new RegExp(`/_astro/${name}\\.[\\w-]+\\.css`).test(code)),
        name,
      ).toBe(true);
  });
});

describe('the script every page loads', () => {
  it('carries none of the page path builders, which only the search code needs', () => {
    // A report page's one module script: what a reader landing on a report fetches.
    const src = page(`reports/${reportFolders()[0]}/index.html`)('script[type="module"][src]')
      .toArray()
      .map((element) => element.attribs['src']!);
    expect(src).toHaveLength(1);
    const text = readFileSync(
      path.join(DIST, src[0]!.replace(/^\/(.*\/)?_astro\//, '_astro/')),
      'utf8',
    );
    // The builders' own path segments, present only where urls.ts's table is.
    for (const segment of ['compare/', 'editions/', 'about/statutory/'])
      expect(text, `${src[0]} holds ${segment}`).not.toContain(segment);
  });
});

describe('search index', () => {
  it("ships the engine and index but not Pagefind's unused ready-made interfaces", () => {
    const files = readdirSync(path.join(DIST, 'pagefind'));
    for (const needed of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'])
      expect(files).toContain(needed);
    expect(files.filter((name) => /ui\.(js|css)$|highlight\.js$/.test(name))).toEqual([]);
  });

  it('builds a Pagefind index with Chinese segmentation', () => {
    const entry = JSON.parse(
      readFileSync(path.join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    const languages = Object.keys(entry.languages);
    expect(languages).toEqual(['zh-cn']);
    // The unit of search is the section: one record per section file, plus each report's preamble.
    const files = reportFolders().flatMap((folder) =>
      readdirSync(path.join(ROOT, 'content/reports', folder)).filter((name) =>
        /\.mdx?$/.test(name),
      ),
    );
    expect(entry.languages['zh-cn']!.page_count).toBe(files.length);
  });
});

describe('the page model (src/lib/portal/page-model.ts)', () => {
  // The model built from the content itself, as src/data/pages.ts builds it from the records.
  const reports = reportFolders().flatMap((folder) => {
    const dir = path.join(ROOT, 'content/reports', folder);
    const frontmatter = (name: string) =>
      parseYaml(splitFrontmatter(readFileSync(path.join(dir, name), 'utf8'))!.frontmatter) as {
        draft?: boolean;
        year: number;
        published?: string;
        agency: { id: string; name: string; shortName: string };
        id?: string;
        aliases?: string[];
      };
    const report = frontmatter('report.md');
    if (report.draft) return [];
    const sections = readdirSync(dir)
      .filter((name) => name.endsWith('.md') && name !== 'report.md')
      .map((name) => frontmatter(name))
      .map((section) => ({ id: section.id!, aliases: section.aliases ?? [] }));
    const { record } = readRecord(dir);
    return [
      {
        folder,
        year: report.year,
        published: report.published,
        agency: report.agency,
        sections,
        ...(record ? recordPages(record) : {}),
      },
    ];
  });
  const indicators = (
    parseYaml(readFileSync(path.join(ROOT, 'content/indicators.yml'), 'utf8')) as { id: string }[]
  ).map((indicator) => indicator.id);
  const model = sitePages(reports, indicators, withBase('/', pathBuilders));
  const fileOf = (urlPath: string) =>
    urlPath.slice(1) + (urlPath.endsWith('/') ? 'index.html' : '');

  it('holds every HTML file of dist/, and every HTML page it holds is built', () => {
    const modelled = model.filter((entry) => entry.html).map((entry) => fileOf(entry.path));
    expect(reports.length).toBeGreaterThan(0);
    expect(new Set(modelled).size).toBe(modelled.length);
    expect([...modelled].sort()).toEqual(htmlFiles());
  });

  it('gives a 修订记录 page only to reports corrected or withdrawn', () => {
    for (const report of reports) {
      const file = path.join(DIST, 'reports', report.folder, 'editions/index.html');
      const corrected = (report.editions?.count ?? 0) > 1 || Boolean(report.withdrawn);
      expect(existsSync(file), report.folder).toBe(corrected);
    }
    // The site's own reports include some in their first edition, so the test can fail.
    expect(reports.some((report) => report.editions?.count === 1 && !report.withdrawn)).toBe(true);
  });

  it('names only files that are built, data files included', () => {
    for (const entry of model.filter((item) => !item.html))
      expect(existsSync(path.join(DIST, fileOf(entry.path))), entry.path).toBe(true);
  });

  it('lists in the sitemap exactly the pages it marks as listed', () => {
    const listed = [
      ...readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
    ].map(([, url]) => new URL(url!).pathname);
    expect(listed.sort()).toEqual(
      model
        .filter((entry) => entry.listed)
        .map((entry) => entry.path)
        .sort(),
    );
  });
});
