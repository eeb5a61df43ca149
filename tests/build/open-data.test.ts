import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOV_META_NAMES } from '../../src/lib/portal/gov-meta.ts';
import {
  assertBuilt,
  DIST,
  htmlFiles,
  page,
  reportFolders,
  REPORT_OR_SECTION_PAGE,
} from '../support/dist.ts';
import { sentences } from '../support/text.ts';

// The published site (content/): its site.yml sets no 网站标识码, so that tag is left out.
beforeAll(() => assertBuilt());

const sharedPages = () =>
  htmlFiles().filter(
    (file) =>
      REPORT_OR_SECTION_PAGE.test(file) && page(file)('meta[http-equiv="refresh"]').length === 0,
  );

describe('the published site', () => {
  it('gives every report and section page the 政府网站 meta tags, one of each', () => {
    const pages = sharedPages();
    expect(pages.length).toBeGreaterThan(reportFolders().length);
    for (const file of pages) {
      const $ = page(file);
      for (const name of GOV_META_NAMES.filter((name) => name !== 'SiteIDCode')) {
        expect($(`meta[name="${name}"]`), `${file} ${name}`).toHaveLength(1);
        expect($(`meta[name="${name}"]`).attr('content')?.trim(), `${file} ${name}`).toBeTruthy();
      }
      expect($('meta[name="SiteIDCode"]'), file).toHaveLength(0);
    }
  });

  it("cites each report's JSON as of its latest edition, not of the day it was built", () => {
    for (const folder of reportFolders()) {
      const document = JSON.parse(readFileSync(path.join(DIST, `reports/${folder}.json`), 'utf8'));
      const latest = document.editions.at(-1).date as string;
      // …(更新或修改日期)[引用日期]. URL: both dates are the latest edition's.
      expect(document.citation, folder).toContain(`(${latest})[${latest}].`);
    }
  });

  it('publishes each report as JSON whose paragraphs round-trip the page text', () => {
    for (const folder of reportFolders()) {
      const document = JSON.parse(readFileSync(path.join(DIST, `reports/${folder}.json`), 'utf8'));
      const $ = page(`reports/${folder}/index.html`);
      const json = [
        ...document.preamble,
        ...document.sections.flatMap((section: { paragraphs: unknown[] }) => section.paragraphs),
      ].map((paragraph: { text: string }) => paragraph.text);
      const onPage = $('.report-body p[id]')
        .toArray()
        .map((p) => $(p).text());
      expect(json.length).toBe(onPage.length);
      expect(sentences(json.join('\n'))).toEqual(sentences(onPage.join('\n')));
    }
  });
});
