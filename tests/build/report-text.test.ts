import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, page, ROOT } from '../support/dist.ts';
import { sentences } from '../support/text.ts';

// The released text, verbatim; its README names the trailing QR-code caption as not part of the report.
const SOURCE = path.join(ROOT, 'content/sources/2023-jiading-police-rule-of-law.txt');
const PAGE = 'reports/2023-jiading-police/index.html';

describe('the 2023 report page', () => {
  let lines: string[];
  beforeAll(() => {
    assertBuilt();
    lines = readFileSync(SOURCE, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && line !== '\u00a0');
  });

  it('shows the title and the publication date as released', () => {
    const $ = page(PAGE);
    expect($('h1').text().trim()).toBe(lines[0]);
    const published = /发布日期[:：](\d{4}-\d{2}-\d{2})/.exec(lines[1]!)![1];
    expect($('.report-header time').attr('datetime')).toBe(published);
  });

  it('reproduces the body sentence by sentence, in order, with nothing added', () => {
    const $ = page(PAGE);
    const body = lines.slice(2).filter((line) => line !== '扫一扫在手机打开当前页');
    const built = $('.report-body')
      .find('h2, h3, p')
      .toArray()
      .map((element) => $(element).text())
      .join('\n');
    expect(sentences(built)).toEqual(sentences(body.join('\n')));
  });

  it('shows the Chinese text with full-width punctuation', () => {
    const text = page(PAGE)('.report-body').text();
    expect(text).not.toMatch(/[\p{Script=Han}][,:;()]|[,;()][\p{Script=Han}]/u);
    expect(text).toContain('2.4亿元');
  });
});
