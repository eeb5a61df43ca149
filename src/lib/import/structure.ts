import { type NumberingStyle, formatNumbering, styleRank } from '../content/numbering.ts';
import {
  type Block,
  blockText,
  blockToMarkdown,
  escapeMarkdown,
  blocksFromPlainText,
  spansToMarkdown,
} from './blocks.ts';
import { readDate, readTitleYear } from './dates.ts';
import { type HeadingCandidate, readHeadingCandidate, splitHeading } from './headings.ts';
import { isCaption, readHead, type SkippedLine } from './head.ts';
import { findMaskedWords, type NotAReport, recogniseNotAReport } from './kind.ts';
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
  /** '' when the text has no title line (the publisher gives it with --title). */
  title: string;
  /** Where the title came from, in Chinese, e.g. 取自第 1、2 行合并. */
  titleOrigin?: string;
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
  /** Lines that are not part of the report (page furniture, metadata, a title's other wording). */
  dropped: string[];
  /** The same lines with where they were and why they were not imported. */
  skipped: SkippedLine[];
  /** What an editor should check, in Chinese, e.g. a numbering out of sequence kept as text. */
  notes: string[];
  /** An agency's name on a line of its own under the title (the report's 署名). */
  byline?: string;
  /** Set when the text is not a report (a 政策解读, a 通知 …): the import is refused. */
  notAReport?: NotAReport;
}

export interface ParseOptions {
  /** How positions are named in notes: 行 for text files, 段 for Word paragraphs. */
  unit?: '行' | '段';
}

// A signing body is a name: short, without sentence punctuation.
const NAME = /^[^。，；！？,;!?：:]{2,40}$/;
const ORGANISATION = /(政府|办公室|委员会|局|厅|部|院|委|会|所|处|中心|分局|队|署|办|站)$/;

export function importPlainText(text: string): ImportedReport {
  return parseReport(blocksFromPlainText(text));
}

export function parseReport(input: readonly Block[], options: ParseOptions = {}): ImportedReport {
  const unit = options.unit ?? '行';
  const captions: SkippedLine[] = [];
  const blocks = input.filter((block) => {
    const text = blockText(block);
    if (block.kind === 'paragraph' && isCaption(text)) {
      captions.push({ line: block.line, text, reason: '网页上的导航或按钮' });
      return false;
    }
    return true;
  });

  const head = readHead(blocks, unit);
  const { metadata, title } = head;
  const skipped = [...captions, ...head.skipped].sort((a, b) => a.line - b.line);
  const notes = [...head.notes];
  const start = head.start;

  // Tail: page furniture after the text (来源, 责任编辑, 分享, 上一篇), then the 落款.
  let end = blocks.length;
  while (end > start + 1) {
    const block = blocks[end - 1]!;
    const why = block.kind === 'paragraph' ? tailFurniture(blockText(block)) : undefined;
    if (!why) break;
    const found = readMetadataLine(blockText(block).replace(/^[(（]|[)）]$/g, ''));
    if (found) mergeMetadata(metadata, found);
    skipped.push({ line: block.line, text: blockText(block), reason: why });
    end--;
  }
  skipped.sort((a, b) => a.line - b.line);
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

  settleSections(parts, notes, unit);
  const bodyTexts = body.map(blockText);
  const notAReport = recogniseNotAReport({ title, head: head.texts, body: bodyTexts });
  const masked = findMaskedWords(bodyTexts);
  if (masked.omitted)
    notes.push(
      `原文有 ${masked.omitted} 处“（略）”：转载网站删去了文字，已照原样保留。请对照发布机关网站上的原文补全`,
    );
  if (masked.starred)
    notes.push(
      `原文有 ${masked.starred} 处用“*”代替的文字（转载网站遮去），已照原样保留。请对照发布机关网站上的原文补全`,
    );

  return {
    title,
    ...(head.titleOrigin ? { titleOrigin: head.titleOrigin } : {}),
    ...(head.byline ? { byline: head.byline } : {}),
    year: readTitleYear(title),
    metadata,
    preamble,
    preambleText,
    parts,
    styles,
    signature,
    dropped: skipped.map((line) => line.text),
    skipped,
    notes,
    ...(notAReport ? { notAReport } : {}),
  };
}

/**
 * Which numbering styles are parts and subsections: the outermost style that starts at 1 is the
 * parts' (a short report may have a single 一、 with （一） items under it), and the next one in
 * that starts at 1 after the first part, the subsections'. Deeper styles (1. inside （一）) stay
 * in the text, as the site has two levels.
 */
function chooseStyles(candidates: readonly (HeadingCandidate | undefined)[]): {
  part?: NumberingStyle;
  subsection?: NumberingStyle;
} {
  const starting = (from: number) => {
    const styles = new Set<NumberingStyle>();
    for (const candidate of candidates.slice(from))
      if (candidate?.n === 1) styles.add(candidate.style);
    return [...styles].sort((a, b) => styleRank(a) - styleRank(b));
  };
  const part = starting(0)[0];
  if (part === undefined) return {};
  const firstPart = candidates.findIndex((c) => c?.style === part && c.n === 1);
  const subsection = starting(firstPart + 1).find((style) => styleRank(style) > styleRank(part));
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

/**
 * Sections the content check would refuse for want of text. One-sentence numbered items with
 * no text under them (１．执法装备保障不足。 ２．…) are a list, not subsections: they go back
 * into their part's text. A last heading with nothing under it (a copy that stops there) is
 * left out and named, rather than written as an empty section.
 */
function settleSections(parts: ImportedPart[], notes: string[], unit: string): void {
  const empty = (section: ImportedSection) => section.paragraphs.length === 0 && !section.runIn;
  for (const part of parts) {
    const items = part.subsections;
    if (!items.some((sub) => empty(sub) && /[。；;]$/.test(sub.title))) continue;
    for (const sub of items) {
      const heading = escapeMarkdown(`${sub.numbering}${sub.title}${sub.runIn ? '。' : ''}`);
      const [lead, ...rest] = sub.paragraphs;
      part.paragraphs.push(sub.runIn && lead !== undefined ? `${heading}${lead}` : heading);
      part.paragraphs.push(...(sub.runIn ? rest : sub.paragraphs));
    }
    notes.push(
      `第 ${items[0]!.line} ${unit}起的“${items[0]!.numbering}”“${items[1]?.numbering ?? ''}”……是一句一项的列表，下面没有正文，已按正文导入`,
    );
    part.subsections = [];
  }
  // Only the very end: the last part's trailing empty subsections, then the part if nothing is left.
  const part = parts.at(-1);
  if (!part) return;
  while (part.subsections.length && empty(part.subsections.at(-1)!))
    notes.push(trailing(part.subsections.pop()!, unit));
  if (part.subsections.length === 0 && empty(part)) notes.push(trailing(parts.pop()!, unit));
}

const trailing = (section: ImportedSection, unit: string) =>
  `第 ${section.line} ${unit}的标题“${section.numbering}${section.title}”下面没有正文（原文到此为止），未导入；如原文有这一节，请补全原文后重新导入`;

/** Why a line at the end of a copy is page furniture, or undefined when it is the report's. */
function tailFurniture(text: string): string | undefined {
  if (/^(上一篇|下一篇|相关链接|相关文章|相关阅读|相关新闻|附件下载)[:：]?/.test(text))
    return '网页上的导航或按钮';
  if (
    /^(责任编辑|编辑|审核|校对|审校|作者|来源|信息来源|文章来源|稿件来源|分享|分享到)[:：]/.test(
      text,
    ) &&
    text.length <= 60
  )
    return '网页上的发布信息';
  if (/^[(（](来源|信息来源|稿件来源|转自|编辑|责任编辑)[:：].{1,40}[)）]$/.test(text))
    return '网页上的发布信息';
  if (/^(分享|分享到)[:：]?$/.test(text)) return '网页上的导航或按钮';
  return undefined;
}

function outOfSequence(where: string, candidate: HeadingCandidate, expected: string): string {
  return `${where}“${candidate.numbering}”编号不连续（此处应为“${expected}”），已按正文导入，请核对原文`;
}
