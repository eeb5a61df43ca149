import { parseNumbering } from './content/numbering.ts';

/**
 * Reads a report released as plain text (title line, 发布日期 line, preamble, 一、 parts,
 * (一) subsections, signing body and date) into the site's content model. Text is kept as
 * released: no punctuation or wording is changed here.
 */
export interface ImportedSection {
  numbering: string;
  title: string;
  /** The heading was run into its first paragraph: （一）标题。正文… */
  runIn: boolean;
  paragraphs: string[];
}

export interface ImportedPart extends ImportedSection {
  subsections: ImportedSection[];
}

export interface ImportedReport {
  title: string;
  /** YYYY-MM-DD, from the 发布日期 line. */
  published: string | undefined;
  /** Year reported on, from the first four-digit year in the title. */
  year: number | undefined;
  preamble: string[];
  parts: ImportedPart[];
  signature: { body: string; date: string } | undefined;
  /** Lines that are not part of the report (captions of the original page), reported to the user. */
  dropped: string[];
}

/** Captions that web releases append to the report and that are not part of it. */
const PAGE_CAPTIONS = ['扫一扫在手机打开当前页', '打印本页', '关闭窗口'];
const PUBLISHED = /^发布日期\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const PART_LINE = /^([一二三四五六七八九十]+、)\s*(.+)$/;
const SUBSECTION_LINE = /^([(（][一二三四五六七八九十]+[)）])\s*(.+)$/;

const pad = (value: string) => value.padStart(2, '0');

export function importPlainText(text: string): ImportedReport {
  // \u00a0 and other spaces mark blank lines in web releases.
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/[\s\u00a0\u3000]+$/u, '').replace(/^[\s\u00a0\u3000]+/u, ''));
  const dropped: string[] = [];
  const content = lines.filter((line) => {
    if (line === '') return false;
    if (PAGE_CAPTIONS.includes(line)) {
      dropped.push(line);
      return false;
    }
    return true;
  });

  const title = content.shift() ?? '';
  let published: string | undefined;
  const publishedMatch = content[0] === undefined ? null : PUBLISHED.exec(content[0]);
  if (publishedMatch) {
    content.shift();
    published = `${publishedMatch[1]}-${pad(publishedMatch[2]!)}-${pad(publishedMatch[3]!)}`;
  }

  let signature: ImportedReport['signature'];
  const last = content.at(-1);
  const dateMatch = last === undefined ? null : CHINESE_DATE.exec(last);
  if (dateMatch && content.length >= 2) {
    content.pop();
    const body = content.pop()!;
    signature = { body, date: `${dateMatch[1]}-${pad(dateMatch[2]!)}-${pad(dateMatch[3]!)}` };
  }

  const preamble: string[] = [];
  const parts: ImportedPart[] = [];
  for (const line of content) {
    const part = PART_LINE.exec(line);
    if (part && parseNumbering(part[1]!)?.level === 'part') {
      parts.push({ ...splitHeading(part[1]!, part[2]!), subsections: [] });
      continue;
    }
    const sub = SUBSECTION_LINE.exec(line);
    const currentPart = parts.at(-1);
    if (sub && currentPart && parseNumbering(sub[1]!)?.level === 'subsection') {
      currentPart.subsections.push(splitHeading(sub[1]!, sub[2]!));
      continue;
    }
    const target = currentPart ? (currentPart.subsections.at(-1) ?? currentPart) : undefined;
    (target ? target.paragraphs : preamble).push(line);
  }

  const yearMatch = /(\d{4})年/.exec(title);
  return {
    title,
    published,
    year: yearMatch ? Number(yearMatch[1]) : undefined,
    preamble,
    parts,
    signature,
    dropped,
  };
}

/** （一）狠抓法治理念教育。坚持不懈… is a run-in heading: the title ends at the first 。. */
function splitHeading(numbering: string, rest: string): ImportedSection {
  const stop = rest.indexOf('。');
  if (stop > 0 && stop < rest.length - 1) {
    return {
      numbering,
      title: rest.slice(0, stop),
      runIn: true,
      paragraphs: [rest.slice(stop + 1)],
    };
  }
  return { numbering, title: rest, runIn: false, paragraphs: [] };
}
