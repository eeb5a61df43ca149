import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { READER_PREFS_EARLY } from '../../src/lib/reader/early-script.ts';
import { assertBuilt, DIST, htmlFiles, page } from '../support/dist.ts';

beforeAll(() => assertBuilt());

const stylesheetText = (file: string): string => {
  const $ = page(file);
  return $('link[rel="stylesheet"]')
    .toArray()
    .map((link) => readFileSync(path.join(DIST, link.attribs['href']!.replace(/^\//, '')), 'utf8'))
    .join('\n');
};

describe('page structure for every reader', () => {
  it.each(htmlFiles())(
    '%s has a skip link to main, and banner, main and footer landmarks',
    (file) => {
      const $ = page(file);
      const first = $('body a').first();
      expect(first.attr('href')).toBe('#main');
      expect(first.text().trim()).toBe('跳到正文');
      expect($('main#main')).toHaveLength(1);
      expect($('body > header')).toHaveLength(1);
      expect($('body > footer')).toHaveLength(1);
    },
  );

  it.each(htmlFiles())('%s has headings in order: one h1 first, no level skipped', (file) => {
    const $ = page(file);
    const levels = $('main h1, main h2, main h3, main h4, main h5, main h6')
      .toArray()
      .map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i} of ${file}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
  });

  it.each(htmlFiles())('%s names every form control', (file) => {
    const $ = page(file);
    $('input, select, textarea, button').each((_, element) => {
      const $el = $(element);
      const id = $el.attr('id');
      const named =
        Boolean($el.attr('aria-label')) ||
        $el.closest('label').text().trim() !== '' ||
        (id !== undefined && $(`label[for="${id}"]`).text().trim() !== '') ||
        (element.tagName === 'button' && $el.text().trim() !== '');
      expect(named, $.html(element)).toBe(true);
    });
    $('fieldset').each((_, fieldset) =>
      expect($(fieldset).children('legend').text().trim()).not.toBe(''),
    );
  });

  it.each(htmlFiles())(
    '%s applies the reader settings from an inline script in head, before the stylesheet',
    (file) => {
      const $ = page(file);
      const early = $('head script:not([src]):not([type])');
      expect(early).toHaveLength(1);
      expect(early.text()).toBe(READER_PREFS_EARLY);
      // Before the stylesheet, so no frame is painted with the defaults.
      const head = $('head').children().toArray();
      expect(head.indexOf(early[0]!)).toBeLessThan(
        head.findIndex((element) => $(element).is('link[rel="stylesheet"]')),
      );
    },
  );
});

describe('reader controls', () => {
  it.each(htmlFiles())(
    '%s has the reader settings button and leaves the panel to the script that works it',
    (file) => {
      const $ = page(file);
      const controls = $('reader-controls');
      expect(controls).toHaveLength(1);
      expect(controls.find('details > summary').text().trim()).toBe('阅读设置');
      // Without JavaScript the panel could not work: its controls are not in the markup.
      expect(controls.find('input, form')).toHaveLength(0);
    },
  );

  it('hides the controls until their script has defined them, so there are no dead controls without JavaScript', () => {
    expect(stylesheetText('index.html')).toMatch(
      /reader-controls:not\(:defined\)\{(display:none|visibility:hidden)\}/,
    );
  });
});

describe('print', () => {
  const css = () => stylesheetText('reports/2023-jiading-police/index.html');

  it('sets A4 pages', () => {
    expect(css()).toMatch(/@page\{[^}]*size:A4/);
  });

  it('prints the page address on every page: under the QR code, or on a line hidden on screen', () => {
    for (const file of htmlFiles()) {
      const $ = page(file);
      const address = $('.print-address');
      if ($('.page-qr-code').length) {
        expect(address, file).toHaveLength(0);
        expect($('.page-qr-code-url').text(), file).toBe($('link[rel="canonical"]').attr('href'));
        continue;
      }
      expect(address.attr('hidden'), file).toBeDefined();
      expect(address.text(), file).toMatch(/^本页网址：https?:\/\//);
    }
  });
});
