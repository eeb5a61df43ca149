import { type NumberingStyle, formatNumbering, styleRank } from '../content/numbering.ts';
import {
  type Block,
  blockText,
  blockToMarkdown,
  blocksFromPlainText,
  spansToMarkdown,
} from './blocks.ts';
import { readDate, readTitleYear } from './dates.ts';
import { type HeadingCandidate, readHeadingCandidate, splitHeading } from './headings.ts';
import { mergeMetadata, readMetadataLine, type ReleaseMetadata } from './metadata.ts';

/**
 * Reads a released report (title, portal metadata, preamble, parts and subsections, 落款) into
 * the site's content model. Text is kept as released: no punctuation or wording is changed,
 * and nothing the release does not say is filled in.
 */
export interface ImportedSection {
  /** As released, e.g. (一) or 第一部分. */
  numbering: string;
  title: string;
  /** The heading was run into its first paragraph: （一）标题。正文… */
  runIn: boolean;
  /** Markdown of each paragraph, list or table. */
  paragraphs: string[];
  /** Where the heading is in the input (line, or paragraph of a Word file). */
  line: number;
}

export interface ImportedPart extends ImportedSection {
  subsections: ImportedSection[];
}

export interface ImportedReport {
  title: string;
  /** Year reported on, from the title. */
  year: number | undefined;
  metadata: ReleaseMetadata;
  /** Markdown of the paragraphs before the first part. */
  preamble: string[];
  /** Plain text of the same paragraphs, for the summary. */
  preambleText: string[];
  parts: ImportedPart[];
  /** The numbering styles taken as parts and subsections. */
  styles: { part?: NumberingStyle; subsection?: NumberingStyle };
  /** The 落款 at the end, or what there is of it. */
  signature: { body?: string; date?: string } | undefined;
  /** Lines that are not part of the report (captions and links of the original page). */
  dropped: string[];
  /** What an editor should check, in Chinese, e.g. a numbering out of sequence kept as text. */
  notes: string[];
}

export interface ParseOptions {
  /** How positions are named in notes: 行 for text files, 段 for Word paragraphs. */
  unit?: '行' | '段';
}

/** Captions and page furniture that web releases put around a report, never part of it. */
const CAPTIONS = [
  /^扫一扫在手机(上)?打开(当前页|本页)$/,
  /^【?(打印|关闭|收藏|打印本页|关闭窗口|返回顶部)】?([\s\u3000]*【?(打印|关闭|收藏|打印本页|关闭窗口|返回顶部)】?)*$/,
  /^分享到[:：]?/,
  /^【?字[体号][:：]?[\s\u3000]*[大中小][\s\u3000]*[大中小]?[\s\u3000]*[大中小]?】?$/,
  /^(当前位置|您当前的位置|您的位置|当前所在位置)[:：]/,
  /^首页[\s\u3000]*[>＞»]/,
  /^[(（]此件.{1,10}[)）]$/,
];
const MAX_CAPTION_LENGTH = 60;
const LOOKS_LIKE_TITLE = /^[^。，；：,;:]*法治[^。，；：,;:]*(情况|报告|》)$/;
// A signing body is a name: short, without sentence punctuation.
const NAME = /^[^。，；！？,;!?：:]{2,40}$/;
const ORGANISATION = /(政府|办公室|委员会|局|厅|部|院|委|会|所|处|中心|分局|队|署|办|站)$/;

export function importPlainText(text: string): ImportedReport {
  return parseReport(blocksFromPlainText(text));
}

export function parseReport(input: readonly Block[], options: ParseOptions = {}): ImportedReport {
  const unit = options.unit ?? '行';
  const dropped: string[] = [];
  const notes: string[] = [];
  const blocks = input.filter((block) => {
    const text = blockText(block);
    if (
      block.kind === 'paragraph' &&
      text.length <= MAX_CAPTION_LENGTH &&
      CAPTIONS.some((caption) => caption.test(text))
    ) {
      dropped.push(text);
      return false;
    }
    return true;
  });

  // Head: metadata lines before and after the title line.
  const metadata: ReleaseMetadata = { other: [] };
  let title = '';
  let start = 0;
  for (; start < blocks.length; start++) {
    const block = blocks[start]!;
    const line = block.kind === 'paragraph' ? readMetadataLine(blockText(block)) : undefined;
    if (line) {
      mergeMetadata(metadata, line);
      continue;
    }
    if (title !== '') break;
    const found = titleAhead(blocks, start);
    for (; start < found; start++) dropped.push(blockText(blocks[start]!));
    title = blockText(blocks[start]!);
    const next = blocks[start + 1];
    if (readTitleYear(title) === undefined && isTitleSecondLine(next)) {
      title += blockText(next);
      start++;
    }
  }
  title = title.replace(/^《(.*)》$/, '$1');

  // Tail: the 落款, as much of it as there is.
  let end = blocks.length;
  let signature: ImportedReport['signature'];
  const textAt = (i: number) => {
    const block = blocks[i];
    return block?.kind === 'paragraph' ? blockText(block) : undefined;
  };
  const nameAt = (i: number) => {
    const text = textAt(i);
    return i > start && text !== undefined && NAME.test(text) && !readHeadingCandidate(blocks[i]!)
      ? text
      : undefined;
  };
  if (end > start) {
    const last = textAt(end - 1) ?? '';
    const date = readDate(last);
    const combined = /^(.{2,40}?)[\s\u3000]+(\S.*)$/.exec(last);
    if (date) {
      end--;
      signature = { date: date.date };
      const body = nameAt(end - 1);
      if (body !== undefined) {
        signature.body = body;
        end--;
      }
    } else if (combined && NAME.test(combined[1]!) && readDate(combined[2]!)) {
      signature = { body: combined[1]!, date: readDate(combined[2]!)!.date };
      end--;
    } else if (nameAt(end - 1) !== undefined && ORGANISATION.test(last)) {
      signature = { body: last };
      end--;
    }
  }

  const body = blocks.slice(start, end);
  const candidates = body.map((block) => readHeadingCandidate(block));
  const styles = chooseStyles(candidates);

  const preamble: string[] = [];
  const preambleText: string[] = [];
  const parts: ImportedPart[] = [];
  let nextPart = 1;
  let nextSubsection = 1;
  const where = (block: Block) => `第 ${block.line} ${unit}`;

  for (let i = 0; i < body.length; i++) {
    const block = body[i]!;
    const candidate = candidates[i];
    const part = parts.at(-1);
    if (candidate && candidate.style === styles.part) {
      if (candidate.n === nextPart) {
        const next = body[i + 1];
        const section = toSection(candidate, block.line, next, candidates[i + 1]);
        if (section.usedNext) i++;
        parts.push({ ...section.section, subsections: [] });
        nextPart++;
        nextSubsection = 1;
        continue;
      }
      notes.push(
        outOfSequence(where(block), candidate, formatNumbering(candidate.style, nextPart)),
      );
    } else if (candidate && part && candidate.style === styles.subsection) {
      if (candidate.n === nextSubsection) {
        const next = body[i + 1];
        const section = toSection(candidate, block.line, next, candidates[i + 1]);
        if (section.usedNext) i++;
        part.subsections.push(section.section);
        nextSubsection++;
        continue;
      }
      notes.push(
        outOfSequence(where(block), candidate, formatNumbering(candidate.style, nextSubsection)),
      );
    }
    const target = part ? (part.subsections.at(-1) ?? part) : undefined;
    if (target) target.paragraphs.push(blockToMarkdown(block));
    else {
      preamble.push(blockToMarkdown(block));
      preambleText.push(blockText(block));
    }
  }

  return {
    title,
    year: readTitleYear(title),
    metadata,
    preamble,
    preambleText,
    parts,
    styles,
    signature,
    dropped,
    notes,
  };
}

/** XX市人民政府 / 关于2023年度法治政府建设情况的报告: a title on two lines. */
function isTitleSecondLine(block: Block | undefined): block is Block {
  return block !== undefined && /^关于.*(报告|情况)$/.test(blockText(block));
}

/**
 * Where the title is: the first line, unless portal furniture without a label (the site's name,
 * a column name) comes first; then the first of the next few lines that names 法治.
 */
function titleAhead(blocks: readonly Block[], start: number): number {
  if (/法治/.test(blockText(blocks[start]!)) || isTitleSecondLine(blocks[start + 1])) return start;
  for (let i = start + 1; i < Math.min(blocks.length, start + 6); i++) {
    const block = blocks[i]!;
    const text = blockText(block);
    if (block.kind !== 'paragraph' || readMetadataLine(text)) break;
    if (text.length <= 80 && LOOKS_LIKE_TITLE.test(text) && !readHeadingCandidate(block)) return i;
  }
  return start;
}

/**
 * Which numbering styles are parts and subsections: of the styles that count from 1 to 2 at
 * least, the outermost is the parts' and the next one in, appearing after the first part, the
 * subsections'. Deeper styles (1. inside （一）) stay in the text, as the site has two levels.
 */
function chooseStyles(candidates: readonly (HeadingCandidate | undefined)[]): {
  part?: NumberingStyle;
  subsection?: NumberingStyle;
} {
  const counted = (from: number) => {
    const styles = new Set<NumberingStyle>();
    const seenFirst = new Set<NumberingStyle>();
    for (const candidate of candidates.slice(from)) {
      if (!candidate) continue;
      if (candidate.n === 1) seenFirst.add(candidate.style);
      else if (candidate.n === 2 && seenFirst.has(candidate.style)) styles.add(candidate.style);
    }
    // A report with a single part still has that part.
    return styles.size ? styles : seenFirst;
  };
  const byRank = (styles: Set<NumberingStyle>) =>
    [...styles].sort((a, b) => styleRank(a) - styleRank(b));
  const part = byRank(counted(0))[0];
  if (part === undefined) return {};
  const firstPart = candidates.findIndex((c) => c?.style === part && c.n === 1);
  const subsection = byRank(counted(firstPart + 1)).find(
    (style) => styleRank(style) > styleRank(part),
  );
  return subsection ? { part, subsection } : { part };
}

/**
 * A heading candidate as a section. 第一部分 on a line of its own takes the next short line
 * as its title.
 */
function toSection(
  candidate: HeadingCandidate,
  line: number,
  next: Block | undefined,
  nextCandidate: HeadingCandidate | undefined,
): { section: ImportedSection; usedNext: boolean } {
  const base = { numbering: candidate.numbering, line };
  if (candidate.rest.length === 0 && next?.kind === 'paragraph' && !nextCandidate) {
    const text = blockText(next);
    if (text.length <= 40 && !/[。；]/.test(text))
      return { section: { ...base, title: text, runIn: false, paragraphs: [] }, usedNext: true };
  }
  const split = splitHeading(candidate.rest);
  return {
    section: {
      ...base,
      title: split.title,
      runIn: split.runIn,
      paragraphs: split.lead?.length ? [spansToMarkdown(split.lead)] : [],
    },
    usedNext: false,
  };
}

function outOfSequence(where: string, candidate: HeadingCandidate, expected: string): string {
  return `${where}“${candidate.numbering}”编号不连续（此处应为“${expected}”），已按正文导入，请核对原文`;
}
