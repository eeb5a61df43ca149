import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toFullWidthPunctuation } from '../content/punctuation.ts';

/** A unit's Markdown as the reader sees its text (no ** marks, punctuation as the page shows it). */
export function plainText(md: string): string {
  const tree = unified().use(remarkParse).parse(md);
  return toFullWidthPunctuation(tree.children.map((block) => toString(block)).join('\n'));
}
