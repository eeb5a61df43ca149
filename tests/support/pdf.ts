import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { openPage } from './browser.ts';

/**
 * Chromium's PDFs map some Han glyphs that Noto Sans CJK shares with a radical to the radical's
 * code point (一 → ⼀ U+2F00, 民 → ⺠ U+2EA0). NFKC folds the Kangxi radicals back; the CJK
 * Radicals Supplement ones have no decomposition, so the simplified forms that occur are listed.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⻚': '页',
  '⻅': '见',
  '⻛': '风',
  '⻓': '长',
  '⻔': '门',
  '⻢': '马',
  '⻬': '齐',
  '⻜': '飞',
  '⻋': '车',
  '⻉': '贝',
  '⻘': '青',
  '⻈': '讠',
  '⻊': '足',
  '⻙': '韦',
  '⻝': '食',
};

export function foldPdfText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/gu, (char) => RADICALS[char] ?? char)
    .replace(/\s+/gu, '');
}

export interface PrintedPage {
  /** The page's text, folded (see foldPdfText), without its page number. */
  text: string;
  /** The "n / total" printed at the foot of the page, as "n/total", if any. */
  number: string | undefined;
}

/** Prints a URL to PDF as Chromium's print dialog does (CSS page size) and returns its pages' text. */
export async function printPages(browser: Browser, url: string, init = ''): Promise<PrintedPage[]> {
  const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  if (init) await page.context().addInitScript(init);
  await page.goto(url, { waitUntil: 'networkidle' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.context().close();
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: false,
  });
  return text.map((raw) => {
    const folded = foldPdfText(raw);
    // The page number is a margin box: it comes out before or after the page's text.
    const match = /^(\d+\/\d+)|(\d+\/\d+)$/u.exec(folded);
    return {
      text: match ? folded.replace(match[0], '') : folded,
      number: match?.[1] ?? match?.[2],
    };
  });
}
