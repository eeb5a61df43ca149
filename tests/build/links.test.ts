import { READER_PREFS_EARLY } from '../../src/lib/reader/early-script.ts';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import { PARAGRAPH_ID } from '../../src/lib/addresses/ids.ts';
import { DEFAULT_SITE_URL } from '../../src/lib/addresses/urls.ts';
import { CONTENT_PATHS } from '../../src/data/paths.ts';
import { loadContent } from '../../src/data/report-folders.ts';
import { printedAddresses } from '../../src/node/qr-warmup.ts';
import {
  assertBuilt,
  DIST,
  htmlFiles,
  page,
  reportFolders,
  ROOT,
  REPORT_OR_SECTION_PAGE,
  SECTION_PAGE,
} from '../support/dist.ts';
import { PREVIOUS_SITE, runBuild } from '../support/build.ts';
import { brokenReferences } from '../support/links.ts';
import { decodeQrImage } from '../support/qr.ts';

const SITE = DEFAULT_SITE_URL;
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// process.env holds Vite's BASE_URL here: the build must ignore it and follow SITE_URL.
const build = (name: string, env: Record<string, string>) =>
  runBuild(path.join(scratch, name, 'dist'), env);

const open = (dist: string, file: string): CheerioAPI => page(file, dist);

/** Report pages and section pages: the pages that can be shared. */
const sharedPages = (dist: string) =>
  htmlFiles(dist).filter((file) => REPORT_OR_SECTION_PAGE.test(file) && !isRedirect(dist, file));
const isRedirect = (dist: string, file: string) =>
  open(dist, file)('meta[http-equiv="refresh"]').length > 0;

/** Each shared page's QR code, decoded, next to the page's canonical URL. */
function qrCodes(dist: string) {
  return sharedPages(dist).map((file) => {
    const $ = open(dist, file);
    const images = $('.page-qr-code img');
    return {
      file,
      count: images.length,
      canonical: $('link[rel="canonical"]').attr('href'),
      decoded: images.length ? decodeQrImage(images.first().attr('src')!) : null,
    };
  });
}

describe('paragraph links', () => {
  beforeAll(() => assertBuilt());

  it.each(sharedPages(DIST))(
    '%s: every paragraph of the text has a unique ASCII id and a link to itself',
    (file) => {
      const $ = page(file);
      const paragraphs = $('.report-text > p').toArray();
      expect(paragraphs.length).toBeGreaterThan(0);
      const ids = paragraphs.map((p) => p.attribs['id']);
      for (const id of ids) expect(id).toMatch(PARAGRAPH_ID);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of paragraphs) {
        const link = $(p).children('a.paragraph-anchor').last();
        expect(link.attr('href')).toBe(`#${p.attribs['id']}`);
        expect(link.attr('aria-label')).toBe('本段链接');
        // The pilcrow is drawn by CSS: the text a reader copies and search indexes is the published text.
        expect(link.text()).toBe('');
      }
    },
  );

  it('gives a paragraph the same id on the report page and on its section page', () => {
    const folder = '2023-jiading-police';
    const reportIds = page(`reports/${folder}/index.html`)('.report-text > p[id]')
      .toArray()
      .map((p) => p.attribs['id']);
    const sectionIds = sharedPages(DIST)
      .filter((file) => file.split('/').length === 4 && file.startsWith(`reports/${folder}/`))
      .flatMap((file) =>
        page(file)('.report-text > p[id]')
          .toArray()
          .map((p) => p.attribs['id']),
      );
    expect(sectionIds.length).toBeGreaterThan(0);
    for (const id of sectionIds) expect(reportIds).toContain(id);
  });

  it.each(sharedPages(DIST))(
    '%s: section links name their heading, and a live region reports a copied link',
    (file) => {
      const $ = page(file);
      // The script relabels them 复制本节链接：… once copying works (tests/e2e/links.test.ts).
      // Named by reference: the page's one hidden 本节链接, then the heading the link points to.
      const label = $('#sl_');
      if ($('a.section-anchor').length) {
        expect(label).toHaveLength(1);
        expect(label.attr('hidden')).toBeDefined();
        expect(label.text()).toBe('本节链接');
      }
      $('a.section-anchor').each((_, a) => {
        const [first, target] = a.attribs['aria-labelledby']!.split(' ');
        expect(first).toBe('sl_');
        expect(`#${target}`).toBe(a.attribs['href']);
        expect($(`[id="${target}"]`).text().length).toBeGreaterThan(0);
        expect(a.attribs['aria-label']).toBeUndefined();
      });
      const status = $('copy-link-status [data-copy-link-status]');
      expect(status.attr('role')).toBe('status');
      expect(status.attr('aria-live')).toBe('polite');
    },
  );
});

describe('QR codes and sharing metadata', () => {
  beforeAll(() => assertBuilt());

  it('every report page and section page shows one QR code that decodes to its own canonical URL', () => {
    const codes = qrCodes(DIST);
    expect(codes.length).toBe(
      reportFolders().length + htmlFiles().filter((file) => SECTION_PAGE.test(file)).length,
    );
    for (const code of codes) {
      expect(code.count, code.file).toBe(1);
      expect(code.canonical, code.file).toBe(`${SITE}${code.file.replace(/index\.html$/, '')}`);
      expect(code.decoded, code.file).toBe(code.canonical);
    }
  });

  it('every address a page prints as a QR code is one the build draws ahead, from the content alone', async () => {
    const content = await loadContent(path.join(ROOT, CONTENT_PATHS.reportsDir), ROOT);
    const drawn = new Set(printedAddresses(content, SITE));
    const codes = qrCodes(DIST);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(drawn.has(code.canonical!), code.file).toBe(true);
  });

  it('QR codes are an image in the page, with no style attribute or script, named for screen readers, with the URL in the caption', () => {
    for (const file of sharedPages(DIST)) {
      const $ = page(file);
      const figure = $('.page-qr-code');
      expect(figure.find('[style], script, svg')).toHaveLength(0);
      expect(figure.find('img').attr('src')).toMatch(/^data:image\/png;base64,/);
      expect(figure.find('img').attr('alt')).toBe('本页网址的二维码');
      // Read after the image's name, so the alt text does not repeat it.
      expect(figure.find('figcaption').text()).toContain('扫一扫在手机打开当前页');
      expect(figure.find('.page-qr-code-url').text()).toBe($('link[rel="canonical"]').attr('href'));
    }
  });

  it.each(sharedPages(DIST))(
    '%s: Open Graph tags name the page and its canonical URL; the description is its summary',
    (file) => {
      const $ = page(file);
      const meta = (key: string) =>
        $(`meta[property="${key}"], meta[name="${key}" i]`).attr('content');
      const canonical = $('link[rel="canonical"]').attr('href');
      expect(meta('og:url')).toBe(canonical);
      expect(meta('og:type')).toBe('article');
      expect(meta('og:locale')).toBeUndefined();
      expect(meta('og:title')).toContain($('h1').text().trim());
      expect(meta('description')!.length).toBeGreaterThan(20);
      // Share cards read the description when og:description is missing, and X reads og:* when
      // its own tags are: copies would only add bytes to every page.
      expect($('meta[property="og:description"]')).toHaveLength(0);
      expect($('meta[name^="twitter:"]')).toHaveLength(0);
    },
  );

  it('summarises a section page with its own text', () => {
    const $ = page('reports/2023-jiading-police/s1-3/index.html');
    const description = $('meta[name="description" i]').attr('content');
    // Its text, starting where the section starts; the heading is the title's, not repeated.
    expect(description).toMatch(/^按照法治政府建设示范创建的统一部署/u);
    expect(description).not.toContain('（三）深入推进法治公安建设');
    expect($('title').text()).toContain('（三）深入推进法治公安建设');
  });
});

describe('former ids (aliases)', () => {
  const fixture = 'tests/fixtures/aliases';
  let outDir: string;
  const aliases: { folder: string; id: string; alias: string }[] = [];
  beforeAll(() => {
    for (const folder of readdirSync(path.join(ROOT, fixture))) {
      for (const name of readdirSync(path.join(ROOT, fixture, folder))) {
        if (!name.endsWith('.md')) continue;
        const data = parseYaml(
          splitFrontmatter(readFileSync(path.join(ROOT, fixture, folder, name), 'utf8'))!
            .frontmatter,
        ) as { id?: string; aliases?: string[] };
        for (const alias of data.aliases ?? []) aliases.push({ folder, id: data.id!, alias });
      }
    }
    const result = build('aliases', { REPORTS_DIR: fixture });
    expect(result.status, result.output).toBe(0);
    outDir = result.outDir;
  });

  it('the fixture lists aliases to check', () => expect(aliases.length).toBeGreaterThanOrEqual(3));

  it('a former section path is a static page that sends readers to the section, with no inline script', () => {
    for (const { folder, id, alias } of aliases) {
      const file = `reports/${folder}/${alias}/index.html`;
      const $ = open(outDir, file);
      const target = `/reports/${folder}/${id}/`;
      expect($('meta[http-equiv="refresh"]').attr('content'), file).toBe(`0; url=${target}`);
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}reports/${folder}/${id}/`);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('a[data-redirect-target]').attr('href')).toBe(target);
      expect($('h1').text()).toBe('本节地址已更改');
      // No inline script but the reader settings the CSP allows by hash; an external module only
      // carries a #fragment along (meta refresh drops it).
      $('script').each((_, script) => {
        if (!script.attribs['src']) expect($(script).text()).toBe(READER_PREFS_EARLY);
        else expect(script.attribs['src']).toMatch(/^\/_astro\/.+\.js$/);
      });
      expect(existsSync(path.join(outDir, target, 'index.html'))).toBe(true);
    }
  });

  it('a former section id and its paragraphs’ former ids stay anchors inside the section, on the report and section pages', () => {
    for (const { folder, id, alias } of aliases) {
      for (const file of [`reports/${folder}/index.html`, `reports/${folder}/${id}/index.html`]) {
        const $ = open(outDir, file);
        const anchor = $(`[id="${alias}"]`);
        expect(anchor.attr('data-alias-of'), `${file}#${alias}`).toBe(id);
        expect(anchor.parent().children('.section-heading').find(`[id="${id}"]`)).toHaveLength(1);
        const paragraphs = anchor.parent().children('.report-text').children('p[id]').toArray();
        for (const p of paragraphs) {
          const n = p.attribs['id']!.slice(`${id}-p`.length);
          expect($(p).children(`[id="${alias}-p${n}"]`).attr('data-alias-of')).toBe(
            p.attribs['id'],
          );
        }
      }
    }
  });

  it('the site with aliases has no broken link and no duplicate id', () => {
    expect(brokenReferences(outDir, '/')).toEqual([]);
    for (const file of htmlFiles(outDir)) {
      const ids = open(
        outDir,
        file,
      )('[id]')
        .toArray()
        .map((element) => element.attribs['id']);
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  it('a redirect page is not a page to share: no QR code of its own', () => {
    for (const { folder, alias } of aliases) {
      const $ = open(outDir, `reports/${folder}/${alias}/index.html`);
      expect($('.page-qr-code')).toHaveLength(0);
    }
  });

  it('stops the build when an alias collides with a live id, naming file, field, found and expected', () => {
    const {
      status,
      output,
      outDir: failed,
    } = build('alias-collision', { REPORTS_DIR: 'tests/fixtures/alias-collision' });
    expect(status, output).toBe(1);
    expect(output).toContain('tests/fixtures/alias-collision/2024-test-agency/s2.md');
    expect(output).toContain('字段：aliases');
    expect(output).toContain(
      '发现：“s1”，与 tests/fixtures/alias-collision/2024-test-agency/s1.md 现在的 id 相同',
    );
    expect(output).toContain('应为：本节以前用过');
    expect(output).toContain('上一次成功生成的网站');
    expect(readFileSync(path.join(failed, 'index.html'), 'utf8')).toBe(PREVIOUS_SITE);
  });
});

describe('a site built for a sub-path', () => {
  const site = new URL('fzzf/', DEFAULT_SITE_URL).href;
  let outDir: string;
  beforeAll(() => {
    const result = build('base', { SITE_URL: site });
    expect(result.status, result.output).toBe(0);
    outDir = result.outDir;
  });

  it('keeps every internal link, anchor, stylesheet and script under the base and resolvable', () => {
    expect(htmlFiles(outDir).length).toBe(htmlFiles().length);
    expect(brokenReferences(outDir, '/fzzf/')).toEqual([]);
  });

  it('gives every page a canonical URL and og:url under the base, and QR codes that decode to them', async () => {
    for (const file of htmlFiles(outDir)) {
      const $ = open(outDir, file);
      expect($('link[rel="canonical"]').attr('href')?.startsWith(site), file).toBe(true);
      expect($('meta[property="og:url"]').attr('content'), file).toBe(
        $('link[rel="canonical"]').attr('href'),
      );
    }
    const codes = qrCodes(outDir);
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes)
      expect(code.decoded, code.file).toBe(`${site}${code.file.replace(/index\.html$/, '')}`);
    // The codes drawn ahead of the pages are drawn for the same public address.
    const content = await loadContent(path.join(ROOT, CONTENT_PATHS.reportsDir), ROOT);
    const drawn = new Set(printedAddresses(content, site));
    for (const code of codes) expect(drawn.has(code.decoded!), code.file).toBe(true);
  });

  it('builds the client scripts with the base, so the search engine loads from under it', () => {
    const $ = open(outDir, 'search/index.html');
    const scripts = readdirSync(path.join(outDir, '_astro'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join(outDir, '_astro', name), 'utf8'))
      .join('\n');
    expect(scripts).toMatch(/[`'"]\/fzzf\/[`'"]/);
    expect($('link[rel="modulepreload"]').attr('href')).toBe('/fzzf/pagefind/pagefind.js');
  });
});
