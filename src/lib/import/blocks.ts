/**
 * The importer's view of a document, whatever its format: a list of blocks (paragraphs,
 * lists, tables) made of spans of text, bold or not. Plain text, Markdown and Word all become
 * this before the report's structure is recognised, so one parser serves every format.
 */
export interface Span {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: 'paragraph'; spans: Span[]; line: number }
  | { kind: 'list'; ordered: boolean; items: Span[][]; line: number }
  | { kind: 'table'; rows: Span[][][]; line: number };

// Web releases pad lines with no-break and full-width spaces (indentation, blank lines).
const EDGE_SPACE = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/gu;

/** Trims ASCII, no-break and full-width spaces from both ends. */
export function trimText(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/** The plain text of some spans, trimmed. */
export function spansText(spans: readonly Span[]): string {
  return trimText(spans.map((span) => span.text).join(''));
}

/** The plain text of a block, for recognising headings, dates and captions. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return spansText(block.spans);
    case 'list':
      return block.items.map(spansText).join('\n');
    case 'table':
      return block.rows.map((row) => row.map(spansText).join('\t')).join('\n');
  }
}

/** Spans with the plain-text range [start, end) of their joined text. */
export function sliceSpans(spans: readonly Span[], start: number, end = Infinity): Span[] {
  const out: Span[] = [];
  let offset = 0;
  for (const span of spans) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, span.text.length);
    if (to > from) out.push({ ...span, text: span.text.slice(from, to) });
    offset += span.text.length;
  }
  return out;
}

/** Drops spaces at both ends of some spans, as trimText does for a string. */
export function trimSpans(spans: readonly Span[]): Span[] {
  const text = spans.map((span) => span.text).join('');
  const start = text.length - text.replace(/^[\s\u00a0\u3000\ufeff]+/u, '').length;
  const end = text.replace(/[\s\u00a0\u3000]+$/u, '').length;
  return sliceSpans(spans, start, end);
}

/** One block per non-empty line: web releases and Word's "save as text" put a paragraph on a line. */
export function blocksFromPlainText(text: string): Block[] {
  const blocks: Block[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const spans = trimSpans([{ text: line }]);
    if (spans.length) blocks.push({ kind: 'paragraph', spans, line: index + 1 });
  });
  return blocks;
}

const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s+/;
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

/**
 * Blocks of a Markdown file: paragraphs separated by blank lines (lines of one paragraph are
 * joined), `#` heading markers dropped (the numbering says the level), `**bold**` kept, GFM
 * tables and lists recognised. Other Markdown is read as text.
 */
export function blocksFromMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let lines: { text: string; line: number }[] = [];
  const flush = () => {
    if (lines.length) blocks.push(markdownBlock(lines));
    lines = [];
  };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = trimText(raw);
    if (line === '') flush();
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      lines.push({ text: line.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, ''), line: index + 1 });
      flush();
    } else lines.push({ text: line, line: index + 1 });
  });
  flush();
  return blocks;
}

function markdownBlock(lines: { text: string; line: number }[]): Block {
  const line = lines[0]!.line;
  const texts = lines.map((entry) => entry.text);
  if (texts.length >= 2 && texts[0]!.includes('|') && TABLE_DELIMITER.test(texts[1]!)) {
    const cells = (row: string) =>
      row
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((cell) => parseInlineMarkdown(trimText(cell)));
    return { kind: 'table', rows: [texts[0]!, ...texts.slice(2)].map(cells), line };
  }
  if (texts.every((text) => LIST_ITEM.test(text))) {
    return {
      kind: 'list',
      ordered: /^\d/.test(texts[0]!),
      items: texts.map((text) => parseInlineMarkdown(text.replace(LIST_ITEM, ''))),
      line,
    };
  }
  return { kind: 'paragraph', spans: parseInlineMarkdown(texts.join('')), line };
}

/** `**bold**` (or `__bold__`) into spans; backslash escapes undone. */
export function parseInlineMarkdown(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /(\*\*|__)(.+?)\1/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) spans.push({ text: unescape(text.slice(last, match.index)) });
    spans.push({ text: unescape(match[2]!), bold: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ text: unescape(text.slice(last)) });
  return spans;
}

const unescape = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

/**
 * Escapes text so that Markdown shows it as written: the characters that start emphasis, code,
 * links or raw HTML, and a line start that would make a heading, quote or list. Chinese report
 * text rarely holds any of them, so released text usually passes through unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<~|]/g, '\\$&')
    .replace(/^(#{1,6}|>|[-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Spans as Markdown: text escaped, bold as `**…**` (spaces kept outside the markers). */
export function spansToMarkdown(spans: readonly Span[]): string {
  const merged: Span[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous && Boolean(previous.bold) === Boolean(span.bold)) previous.text += span.text;
    else merged.push({ ...span });
  }
  return merged
    .map((span) => {
      if (!span.bold || trimText(span.text) === '') return escapeMarkdown(span.text);
      const [, lead, inner, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(span.text)!;
      return `${lead}**${escapeMarkdown(inner!)}**${trail}`;
    })
    .join('');
}

/** A block as the Markdown written into a report file. */
export function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return spansToMarkdown(block.spans);
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${spansToMarkdown(item)}`)
        .join('\n');
    case 'table': {
      const width = Math.max(...block.rows.map((row) => row.length));
      const row = (cells: Span[][]) =>
        `| ${Array.from({ length: width }, (_, i) => spansToMarkdown(cells[i] ?? [])).join(' | ')} |`;
      const [head, ...body] = block.rows;
      return [row(head ?? []), `|${' --- |'.repeat(width)}`, ...body.map(row)].join('\n');
    }
  }
}
