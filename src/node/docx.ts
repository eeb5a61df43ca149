import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { type Block, type Span, spansText, trimSpans } from '../lib/import/blocks.ts';
import { type NumberedParagraph, readNumberedParagraphs } from './docx-numbering.ts';

/** A Word file as the importer's blocks, with what could not be imported. */
export interface WordDocument {
  blocks: Block[];
  /** For each image: the text of the paragraph before it, undefined at the start. */
  images: (string | undefined)[];
  /** List items numbered by Word (the number is not in the text). */
  autoNumbered: number;
  /** Table cells that spanned several columns or rows, split in the Markdown table. */
  mergedCells: number;
  /** Headings whose numbering Word draws (一、 from a numbering style), now written out. */
  numberedHeadings: number;
}

/** A node of mammoth's document model, as far as this file reads it. */
interface MammothNode {
  type: string;
  value?: string;
  numbering?: unknown;
  children?: MammothNode[];
}

const textOf = (node: MammothNode): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

/**
 * Writes the number Word draws into each numbered heading's text (一、 before 主要举措和成效), so
 * that the importer sees it as in a typed heading. Paragraphs are matched by text, in order;
 * numbered list items that are not headings (1. 2. in the text) stay lists.
 */
function writeOutHeadingNumbers(numbered: readonly NumberedParagraph[], count: { n: number }) {
  let next = 0;
  const visit = (node: MammothNode): MammothNode => {
    // Children first, in document order, as mammoth's own transforms walk the document.
    const children = node.children?.map(visit);
    const paragraph = children ? { ...node, children } : node;
    if (paragraph.type !== 'paragraph' || !paragraph.numbering) return paragraph;
    const text = textOf(paragraph);
    const found = numbered.findIndex((entry, i) => i >= next && entry.text === text);
    if (found < 0) return paragraph;
    next = found + 1;
    const entry = numbered[found]!;
    const run = paragraph.children?.find((child) => child.type === 'run');
    if (!entry.heading || !run) return paragraph;
    run.children = [{ type: 'text', value: entry.label }, ...(run.children ?? [])];
    count.n++;
    return { ...paragraph, numbering: null };
  };
  return visit;
}

/**
 * Reads a .docx through mammoth's HTML (its stable output; its document model is marked
 * unstable), keeping paragraphs, bold, lists and tables. Images are counted, not imported:
 * the site's reports are text. Throws when the file is not a readable .docx.
 */
export async function readDocx(bytes: Uint8Array): Promise<WordDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Numbering is a help, not a requirement: a file whose numbering cannot be read is read without.
  const numbered = await readNumberedParagraphs(buffer).catch(() => []);
  const count = { n: 0 };
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    {
      // An empty src keeps image data out of memory; the image is only counted.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      transformDocument: writeOutHeadingNumbers(numbered, count),
    },
  );
  return { ...blocksFromMammothHtml(html), numberedHeadings: count.n };
}

/** Mammoth's HTML (p, h1–h6, strong, ul/ol/li, table/tr/td, img, br) as blocks. */
export function blocksFromMammothHtml(html: string): Omit<WordDocument, 'numberedHeadings'> {
  const blocks: Block[] = [];
  const images: (string | undefined)[] = [];
  let autoNumbered = 0;
  let mergedCells = 0;

  let bold = 0;
  let spans: Span[] | undefined;
  let list: { ordered: boolean; items: Span[][]; depth: number } | undefined;
  let table: { rows: Span[][][]; depth: number } | undefined;
  let cell: Span[] | undefined;
  let paragraph = 0;

  // Where an image was, for the message: the text just before it.
  const textBefore = () => {
    const last = blocks.at(-1);
    const text = spans?.length
      ? spansText(spans)
      : last?.kind === 'paragraph'
        ? spansText(last.spans)
        : '';
    return text.length > 20 ? `…${text.slice(-20)}` : text || undefined;
  };
  const endParagraph = () => {
    if (spans === undefined) return;
    const trimmed = trimSpans(spans);
    spans = undefined;
    if (trimmed.length === 0) return;
    paragraph++;
    blocks.push({ kind: 'paragraph', spans: trimmed, line: paragraph });
  };
  const add = (text: string) => {
    const span: Span = bold > 0 ? { text, bold: true } : { text };
    if (cell) cell.push(span);
    else if (list) list.items.at(-1)?.push(span);
    else (spans ??= []).push(span);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'strong' || name === 'b') bold++;
        else if (name === 'table') {
          if (table) table.depth++;
          else {
            endParagraph();
            table = { rows: [], depth: 1 };
          }
        } else if (name === 'tr' && table?.depth === 1) table.rows.push([]);
        else if ((name === 'td' || name === 'th') && table?.depth === 1) {
          const span = Number(attributes['colspan'] ?? 1) * Number(attributes['rowspan'] ?? 1);
          if (span > 1) mergedCells++;
          cell = [];
          table.rows.at(-1)?.push(cell);
          // A cell spanning columns leaves empty cells so the columns still line up.
          for (let i = 1; i < Number(attributes['colspan'] ?? 1); i++) table.rows.at(-1)?.push([]);
        } else if (name === 'ul' || name === 'ol') {
          if (table) return;
          if (list) list.depth++;
          else {
            endParagraph();
            list = { ordered: name === 'ol', items: [], depth: 1 };
          }
        } else if (name === 'li' && list) {
          // Nested lists are flattened into the outer one: Markdown lists in reports stay flat.
          list.items.push([]);
          if (list.ordered) autoNumbered++;
        } else if (name === 'p' || /^h[1-6]$/.test(name)) {
          if (cell?.length) cell.push({ text: ' ' });
          else if (!cell && !list) endParagraph();
        } else if (name === 'br') {
          if (cell || list) add(' ');
          else endParagraph();
        } else if (name === 'img') {
          images.push(textBefore());
        }
      },
      ontext(text) {
        add(text);
      },
      onclosetag(name) {
        if (name === 'strong' || name === 'b') bold = Math.max(0, bold - 1);
        else if ((name === 'td' || name === 'th') && table?.depth === 1) cell = undefined;
        else if (name === 'table' && table) {
          if (--table.depth === 0) {
            paragraph++;
            const rows = table.rows.map((row) => row.map((c) => trimSpans(c)));
            if (rows.length) blocks.push({ kind: 'table', rows, line: paragraph });
            table = undefined;
          }
        } else if ((name === 'ul' || name === 'ol') && list && !table) {
          if (--list.depth === 0) {
            paragraph++;
            const items = list.items.map((item) => trimSpans(item)).filter((item) => item.length);
            if (items.length)
              blocks.push({ kind: 'list', ordered: list.ordered, items, line: paragraph });
            list = undefined;
          }
        } else if (name === 'p' || /^h[1-6]$/.test(name)) {
          if (!cell && !list) endParagraph();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return { blocks, images, autoNumbered, mergedCells };
}
