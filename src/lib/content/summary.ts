import { toFullWidthPunctuation } from './punctuation.ts';

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

/**
 * A section page's description: its heading, then the start of its text. The page title already
 * names the report and the site, so they are not repeated in each of the page's description tags.
 */
export function sectionDescription(heading: string, summary: string): string {
  if (!summary) return heading;
  // Headings often end in a full stop (（二）提升执法水平能力。), which “。：” would repeat.
  return `${heading.replace(/[。；，、：.;,:]+$/u, '')}：${summary}`;
}
