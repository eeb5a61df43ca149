import { toFullWidthPunctuation } from './punctuation.ts';

/**
 * Absolute URL of a site path. `site` is the origin from SITE_URL and `path` already carries
 * the base (from src/lib/urls.ts), so a site served under /fzzf/ gets /fzzf/ in every URL.
 */
export function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}

/** Id of the n-th paragraph (from 1) of a section, or of the preamble when `prefix` is `intro`. */
export function paragraphId(prefix: string, n: number): string {
  return `${prefix}-p${n}`;
}

/** Paragraph ids look like this; nothing else on a report page may. */
export const PARAGRAPH_ID = /^[a-z][a-z0-9-]*-p[1-9][0-9]*$/;

/** The prefix of the preamble's paragraph ids, which no section id or alias may take. */
export const PREAMBLE_PREFIX = 'intro';

/**
 * A short plain-text summary of Markdown for sharing cards and the description meta tag:
 * the first paragraph without Markdown marks, ASCII punctuation shown full-width as on the
 * page, cut at a sentence end when one falls within `max` characters.
 */
export function summarize(markdown: string, max = 120): string {
  const paragraph = markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .find((block) => block && !block.startsWith('#'));
  if (!paragraph) return '';
  const text = toFullWidthPunctuation(
    paragraph
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ''),
  );
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'));
  return end >= max / 2 ? head.slice(0, end + 1) : `${head}…`;
}
