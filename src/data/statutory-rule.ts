import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The content guide, whose rule section the site shows as the text the statutory facts cite. */
export const STATUTORY_GUIDE = './content/README.md';
const GUIDE = STATUTORY_GUIDE;
const START = '<!-- statutory-rule:start -->';
const END = '<!-- statutory-rule:end -->';

/**
 * The paragraphs of the statutory rule as the content guide states it. One text, kept where
 * publishers read it; the site shows the same words. A guide without the markers is a broken
 * build, since the report pages link to this text.
 */
export function loadStatutoryRule(file = GUIDE): string[] {
  const source = readFileSync(path.resolve(file), 'utf8');
  const start = source.indexOf(START);
  const end = source.indexOf(END);
  if (start === -1 || end < start)
    throw new Error(
      `${file}：找不到法定要求原文的标记行 ${START} 和 ${END}，请恢复这两行，原文写在两行之间。`,
    );
  return source
    .slice(start + START.length, end)
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.replace(/\s*\r?\n\s*/g, '').trim())
    .filter(Boolean);
}
