import { Parser } from 'htmlparser2';
import JSZip from 'jszip';

/**
 * The numbers Word draws in front of numbered paragraphs. A Word file may number its headings
 * with a numbering style (一、 （一） 第一部分 drawn by Word, not typed): the number is then not in
 * the paragraph's text, and mammoth (which reads the text) knows only that the paragraph is in
 * a list. This reads numbering.xml, styles.xml and document.xml to work out each numbered
 * paragraph's label as Word shows it, so that such headings are recognised like typed ones.
 */

export interface NumberedParagraph {
  /** The paragraph's text, to find it among mammoth's paragraphs. */
  text: string;
  /** The label as Word draws it, e.g. 一、 or （二）. */
  label: string;
  /** Whether the label reads as a heading's numbering (Chinese counting, 第…部分, a heading style). */
  heading: boolean;
}

interface Level {
  format: string;
  text: string;
  start: number;
  style?: string;
}

const CHINESE = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for any report's numbering). */
function chineseCounting(n: number): string {
  if (n < 10) return CHINESE[n]!;
  if (n < 20) return `十${n % 10 ? CHINESE[n % 10] : ''}`;
  if (n < 100) return `${CHINESE[Math.floor(n / 10)]}十${n % 10 ? CHINESE[n % 10] : ''}`;
  return String(n);
}

function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'decimal':
    case 'decimalZero':
      return String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    default:
      return undefined;
  }
}

/** A parsed XML part as a flat list of elements with their attributes and the text under them. */
function elements(xml: string) {
  const out: { name: string; attributes: Record<string, string>; depth: number }[] = [];
  const texts: { at: number; text: string }[] = [];
  let depth = 0;
  let inText = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        out.push({ name, attributes, depth: depth++ });
        if (name === 'w:t') inText = true;
      },
      ontext(text) {
        if (inText) texts.push({ at: out.length, text });
      },
      onclosetag(name) {
        depth--;
        if (name === 'w:t') inText = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { out, texts };
}

/** The numbered paragraphs of a .docx, in document order, with the labels Word draws. */
export async function readNumberedParagraphs(bytes: Uint8Array): Promise<NumberedParagraph[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const [numberingXml, stylesXml, documentXml] = await Promise.all([
    part('word/numbering.xml'),
    part('word/styles.xml'),
    part('word/document.xml'),
  ]);
  if (numberingXml === '') return [];

  // numbering.xml: abstract definitions (levels) and the numIds that use them.
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, string>();
  const starts = new Map<string, Map<number, number>>();
  {
    const { out } = elements(numberingXml);
    let abstract: Map<number, Level> | undefined;
    let level: Level | undefined;
    let num: string | undefined;
    let override: number | undefined;
    for (const { name, attributes: a } of out) {
      const value = a['w:val'];
      if (name === 'w:abstractNum') {
        abstract = new Map();
        abstracts.set(a['w:abstractNumId']!, abstract);
        num = undefined;
      } else if (name === 'w:num') {
        num = a['w:numId'];
        abstract = undefined;
      } else if (name === 'w:lvl' && abstract) {
        level = { format: 'decimal', text: '', start: 1 };
        abstract.set(Number(a['w:ilvl'] ?? 0), level);
      } else if (name === 'w:numFmt' && level && value) level.format = value;
      else if (name === 'w:lvlText' && level && value !== undefined) level.text = value;
      else if (name === 'w:start' && level && value) level.start = Number(value);
      else if (name === 'w:pStyle' && level && value) level.style = value;
      else if (name === 'w:abstractNumId' && num !== undefined && value) nums.set(num, value);
      else if (name === 'w:lvlOverride' && num !== undefined) override = Number(a['w:ilvl'] ?? 0);
      else if (name === 'w:startOverride' && num !== undefined && override !== undefined && value) {
        if (!starts.has(num)) starts.set(num, new Map());
        starts.get(num)!.set(override, Number(value));
      }
    }
  }

  // styles.xml: a style may carry numbering (Heading 1 numbered 一、), and a name saying heading.
  const styleNumbering = new Map<string, { numId: string; level: number }>();
  const headingStyles = new Set<string>();
  {
    const { out } = elements(stylesXml);
    let style: string | undefined;
    for (const { name, attributes: a } of out) {
      if (name === 'w:style') style = a['w:styleId'];
      else if (name === 'w:name' && style && /heading|标题|title/i.test(a['w:val'] ?? ''))
        headingStyles.add(style);
      else if (name === 'w:numId' && style && a['w:val'])
        styleNumbering.set(style, { numId: a['w:val'], level: 0 });
      else if (name === 'w:ilvl' && style && styleNumbering.has(style))
        styleNumbering.get(style)!.level = Number(a['w:val'] ?? 0);
    }
  }
  // A level may name the paragraph style that uses it.
  const byLevelStyle = new Map<string, { numId: string; level: number }>();
  for (const [numId, abstractId] of nums)
    for (const [index, level] of abstracts.get(abstractId) ?? [])
      if (level.style && !byLevelStyle.has(level.style))
        byLevelStyle.set(level.style, { numId, level: index });

  // document.xml: each paragraph's style, numbering and text.
  const { out, texts } = elements(documentXml);
  const paragraphs: { style?: string; numId?: string; level?: number; text: string }[] = [];
  let current: (typeof paragraphs)[number] | undefined;
  let depth = -1;
  let t = 0;
  out.forEach(({ name, attributes: a, depth: d }, index) => {
    if (current && d <= depth) current = undefined;
    if (name === 'w:p') {
      current = { text: '' };
      paragraphs.push(current);
      depth = d;
    } else if (current) {
      if (name === 'w:pStyle' && a['w:val']) current.style = a['w:val'];
      else if (name === 'w:numId' && a['w:val']) current.numId = a['w:val'];
      else if (name === 'w:ilvl') current.level = Number(a['w:val'] ?? 0);
    }
    while (t < texts.length && texts[t]!.at === index + 1) {
      if (current) current.text += texts[t]!.text;
      t++;
    }
  });

  const counters = new Map<string, number[]>();
  const result: NumberedParagraph[] = [];
  for (const paragraph of paragraphs) {
    const linked =
      paragraph.numId !== undefined
        ? { numId: paragraph.numId, level: paragraph.level ?? 0 }
        : paragraph.style
          ? (styleNumbering.get(paragraph.style) ?? byLevelStyle.get(paragraph.style))
          : undefined;
    if (!linked || linked.numId === '0') continue;
    const levels = abstracts.get(nums.get(linked.numId) ?? '');
    const level = levels?.get(linked.level);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') continue;
    // Word counts per list: a level's counter goes on, the deeper levels' start again.
    const counts = counters.get(linked.numId) ?? [];
    const start = (i: number) => starts.get(linked.numId)?.get(i) ?? levels.get(i)?.start ?? 1;
    counts[linked.level] =
      counts[linked.level] === undefined ? start(linked.level) : counts[linked.level]! + 1;
    counts.length = linked.level + 1;
    counters.set(linked.numId, counts);
    let ok = true;
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const formatted = formatNumber(counts[i] ?? start(i), levels.get(i)?.format ?? 'decimal');
      if (formatted === undefined) ok = false;
      return formatted ?? '';
    });
    if (!ok || label.trim() === '') continue;
    result.push({
      text: paragraph.text,
      label,
      heading:
        /^chinese|^ideograph|^japaneseCounting|^taiwaneseCounting/.test(level.format) ||
        /第.*部分/.test(label) ||
        (paragraph.style !== undefined && headingStyles.has(paragraph.style)),
    });
  }
  return result;
}
