import { type Block, blockText, spansText } from './blocks.ts';
import { readTitleYear } from './dates.ts';
import { readHeadingCandidate } from './headings.ts';
import { readDate } from './dates.ts';
import {
  cellsOfLine,
  isMetadataLabel,
  mergeMetadata,
  readMetadataCells,
  readMetadataLine,
  type ReleaseMetadata,
} from './metadata.ts';
import { agencyFromTitle } from './names.ts';

/**
 * The head of a release: what comes before its preamble. Copies from portals and from the sites
 * that re-post them put around the title a site name, a breadcrumb (on one line or a crumb a
 * line), a stray column name, status lines (文件已失效), a re-post line (转自:…) and an
 * information table (索引号, 发布机构, 成文日期, 发布日期 …, sometimes printed twice). The title
 * itself may be split over two lines, or given twice in two wordings, or missing.
 */

/** A line the importer did not import, with why, so the publisher can check it. */
export interface SkippedLine {
  /** Line of a text file, paragraph of a Word file. */
  line: number;
  text: string;
  /** Why, in Chinese. */
  reason: string;
}

export interface ReportHead {
  /** '' when the text has no title line. */
  title: string;
  /** Where the title came from, in Chinese (第 3 行, 第 1、2 行合并). */
  titleOrigin?: string;
  metadata: ReleaseMetadata;
  /** Index of the first block of the report's text. */
  start: number;
  skipped: SkippedLine[];
  notes: string[];
  /** The head's lines as text, for recognising what kind of text this is. */
  texts: string[];
  /** An agency's name on a line of its own under the title (the report's 署名). */
  byline?: string;
}

/** Captions and page furniture that web releases put around a report, never part of it. */
export const CAPTIONS = [
  /^扫一扫在手机(上)?打开(当前页|本页)$/,
  /^【?(打印|关闭|收藏|打印本页|关闭窗口|返回顶部)】?([\s\u3000]*【?(打印|关闭|收藏|打印本页|关闭窗口|返回顶部)】?)*$/,
  /^分享到[:：]?/,
  /^【?字[体号][:：]?[\s\u3000]*[[【]?[\s\u3000]*[大中小][\s\u3000]*[大中小]?[\s\u3000]*[大中小]?[\s\u3000]*[\]】]?】?$/,
  /^(当前位置|您当前的位置|您的位置|当前所在位置|您现在的位置|您所在的位置|所在位置)[\s\u3000]*[:：]/,
  /^(网站)?首页[\s\u3000]*[>＞»›]/,
  /^[(（]此件.{1,10}[)）]$/,
];
const MAX_CAPTION_LENGTH = 60;

// A breadcrumb copied a crumb a line leaves the separators and 首页/正文 on lines of their own.
const CRUMB = /^([>＞»›/]+|首页|正文|网站首页|返回|上一篇|下一篇)$/;
// Above the title, any line with two crumb separators and no sentence is a breadcrumb.
const BREADCRUMB = /^[^。，；]*[>＞»›][^。，；]*[>＞»›][^。，；]*$/;
// A site's name printed twice side by side (logo text and heading): 中意资讯网 中意资讯网.
const DOUBLED = /^(.{2,20}?)[\s\u3000]+\1$/;
// Validity stamps portals print on a document's page.
const STATUS =
  /^[【[(（]?(本?文件|此件|该文件)?(已失效|已废止|失效|废止|已修改|已修订|现行有效|有效)[】\])）]?$/;

// How report titles end: 情况报告, 年度报告, 工作报告, 情况, 总结, or a title quoted in 《》.
// A short note in brackets may follow: （摘要）, （2023年度）.
const TITLE_END = /(报告|報告|情况|情況|总结|總結|年报|年報)[》」]?([（(][^（）()]{1,10}[）)])?$/;
const SENTENCE = /[。！？；]|[:：]$/;
// Addressees (各区县局, 各乡镇人民政府) end like names but are not the title's first half.
const ADDRESSEE = /^各/;
const ORGANISATION =
  /(政府|办公室|委员会|局|厅|部|院|委|会|所|处|中心|分局|队|署|办|站|街道|办事处|县|市|区|镇|乡|旗|州|省|政府辦公室|委員會|辦事處)$/;

/** A line of the report's text rather than of its head: a sentence, a salutation, a long line. */
function isText(text: string): boolean {
  return SENTENCE.test(text) || text.length > 80 || (/[，,]/.test(text) && text.length > 30);
}

// A portal's tag before or after a title: 【全文】, （全文）, 【法治政府建设】.
const TAG_AFTER = /[[【（(]全文[\]】）)]$/;
const TAG_BEFORE = /^【[^】]{1,12}】/;

/** A title without the portal's tags around it and the 《》 some pages put it in. */
export function untagTitle(text: string): string {
  let plain = text.replace(TAG_AFTER, '');
  const untagged = plain.replace(TAG_BEFORE, '');
  if (untagged !== plain && !/解读|解讀/.test(plain.slice(0, plain.length - untagged.length)))
    plain = untagged;
  return plain.replace(/^《(.*)》$/, '$1');
}

/** A whole title: names 法治 and ends as titles end. */
function isTitle(text: string): boolean {
  const plain = untagTitle(text);
  // Reports before 2019 were often titled 依法行政工作报告.
  return (
    plain.length <= 80 && /法治|依法行政/.test(plain) && TITLE_END.test(plain) && !isText(plain)
  );
}

/**
 * A title broken over two or three lines, from its first line: the agency alone, then a title
 * that names none (赵县人民政府 / 2022年度法治政府建设情况报告); or pieces none of which is a
 * whole title (XX县人民政府 / 关于二〇二三年度法治政府建设 / 情况的报告).
 */
function joinedTitle<T extends { index: number; text: string }>(
  lines: readonly T[],
  i: number,
): T[] | undefined {
  for (const count of [3, 2]) {
    const pieces = lines.slice(i, i + count);
    if (
      pieces.length < count ||
      pieces.some((p, k) => k > 0 && p.index !== pieces[k - 1]!.index + 1)
    )
      continue;
    const text = pieces.map((piece) => piece.text).join('');
    if (!isTitle(text)) continue;
    const [first, ...rest] = pieces;
    const last = rest.at(-1)!;
    if (
      count === 2 &&
      isAgencyLine(first!.text) &&
      isTitle(last.text) &&
      !agencyFromTitle(last.text)
    )
      return pieces;
    if (
      (isAgencyLine(first!.text) || isTitleStart(first!.text)) &&
      pieces.every((piece) => !isTitle(piece.text)) &&
      rest.slice(0, -1).every((piece) => isTitleStart(piece.text))
    )
      return pieces;
  }
  return undefined;
}

/** The first half of a title split after the agency: 赵县人民政府 / 2022年度法治政府建设情况报告. */
function isAgencyLine(text: string): boolean {
  return (
    text.length <= 30 &&
    !ADDRESSEE.test(text) &&
    ORGANISATION.test(text) &&
    readTitleYear(text) === undefined &&
    !/法治|[，,、：:]/.test(text)
  );
}

/** A line that starts a title but does not end it: XX市人民政府关于2022年度法治政府 / 建设情况的报告. */
function isTitleStart(text: string): boolean {
  return (
    /法治|[12１２][0-9０-９]{3}\s*年|[〇○零一二三四五六七八九]{4}年/.test(text) &&
    !TITLE_END.test(text) &&
    !isText(text)
  );
}

/** Reads the head of a release; `unit` names positions (行 or 段). */
export function readHead(blocks: readonly Block[], unit: '行' | '段'): ReportHead {
  const metadata: ReleaseMetadata = { other: [] };
  const skipped: SkippedLine[] = [];
  const notes: string[] = [];
  const texts: string[] = [];
  const lines: { index: number; line: number; text: string }[] = [];
  const skip = (block: Block, reason: string) =>
    skipped.push({ line: block.line, text: blockText(block), reason });
  const addMetadata = (block: Block, found: ReleaseMetadata) => {
    const source = found.source;
    mergeMetadata(metadata, found);
    if (found.sourceLabel && /^转/.test(found.sourceLabel))
      skip(block, `转载说明：“${source}”记为来源（source）`);
    else skip(block, '网页上的发布信息，已读取其中的字段');
  };

  let start = 0;
  for (; start < blocks.length; start++) {
    const block = blocks[start]!;
    if (block.kind === 'table') {
      const rows = block.rows.map((row) => readMetadataCells(row.map(spansText)));
      if (rows.length && rows.every(Boolean)) {
        for (const row of rows) mergeMetadata(metadata, row!);
        skip(block, '网页上的发布信息表，已读取其中的字段');
        continue;
      }
      break;
    }
    if (block.kind !== 'paragraph') break;
    const text = blockText(block);
    texts.push(text);
    if (DOUBLED.test(text)) {
      skip(block, '网站名称');
      continue;
    }
    if (isCaption(text) || CRUMB.test(text) || BREADCRUMB.test(text) || isButtons(text)) {
      skip(block, '网页上的导航或按钮');
      continue;
    }
    // A table copied a cell a line: the label alone, its value on the next line.
    const next = blocks[start + 1];
    if (isMetadataLabel(text) && next?.kind === 'paragraph') {
      const value = blockText(next);
      const pair = !isMetadataLabel(value) ? readMetadataCells([text, value]) : undefined;
      if (pair) {
        addMetadata(block, pair);
        skip(next, '网页上的发布信息，已读取其中的字段');
        start++;
        continue;
      }
    }
    const cells = cellsOfLine(text);
    const found = cells ? readMetadataCells(cells) : readMetadataLine(text);
    if (found) {
      addMetadata(block, found);
      continue;
    }
    if (STATUS.test(text)) {
      skip(block, '网页上的文件状态');
      notes.push(
        `原文网页标有“${text}”：这是网站对文件有效性的标注，不是报告正文；请确认要发布的是这一份报告`,
      );
      continue;
    }
    if (readHeadingCandidate(block) || isText(text)) break;
    // A list page's title line: the title, then its date.
    const dated = /^(.+?)[\s\u3000]+(\S+(?:[\s\u3000]+[0-9:：]+)?)$/.exec(text);
    if (dated && isTitle(dated[1]!) && readDate(dated[2]!)) {
      skipped.push({
        line: block.line,
        text: dated[2]!,
        reason: '标题后的日期，未作为发布日期（如是发布日期，请用 --published 给出）',
      });
      lines.push({ index: start, line: block.line, text: dated[1]! });
      continue;
    }
    lines.push({ index: start, line: block.line, text });
  }

  // The title: a whole title line, or two lines that make one; the others are page text.
  const titles: { text: string; at: number[]; origin: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const joined = joinedTitle(lines, i);
    if (joined) {
      titles.push({
        text: joined.map((line) => line.text).join(''),
        at: joined.map((_, k) => i + k),
        origin: `第 ${joined.map((line) => line.line).join('、')} ${unit}合并`,
      });
      i += joined.length - 1;
    } else if (isTitle(lines[i]!.text))
      titles.push({ text: lines[i]!.text, at: [i], origin: `第 ${lines[i]!.line} ${unit}` });
  }
  // Two wordings of the title: the one that names an agency, else the later one (the document's
  // own title under the page's headline).
  const named = titles.filter((title) => agencyFromTitle(title.text) !== undefined);
  let chosen = (named.length ? named : titles).at(-1);
  // Without a whole title, a line naming 法治 or a year is the best there is (a notice's title).
  if (!chosen) {
    const i = lines.findIndex((line) => /法治|[12][0-9]{3}\s*年|通知|解读/.test(line.text));
    if (i >= 0) chosen = { text: lines[i]!.text, at: [i], origin: `第 ${lines[i]!.line} ${unit}` };
  }
  const afterTitle = chosen ? Math.max(...chosen.at) : lines.length;
  const bylineAt = lines.findIndex((line, i) => i > afterTitle && isAgencyLine(line.text));
  lines.forEach((line, i) => {
    if (chosen?.at.includes(i)) return;
    const other = titles.find((title) => title.at.includes(i));
    skipped.push({
      line: line.line,
      text: line.text,
      reason: other
        ? '标题的另一种写法，未采用'
        : i === bylineAt
          ? '标题下的署名，用作机构名称的依据'
          : hasDate(line.text)
            ? '标题下的日期或署名，未作为发布日期（如是发布日期，请用 --published 给出）'
            : '标题前后的网页文字（栏目、导航等）',
    });
  });
  skipped.sort((a, b) => a.line - b.line);
  // A 政府信息公开 table names the document (标题, 名称): the title when no line gives one.
  const fromTable = !chosen && metadata.title !== undefined;
  const title = untagTitle(chosen?.text ?? metadata.title ?? '');
  if (chosen) {
    const raw = chosen.text.replace(/^《(.*)》$/, '$1');
    const first = lines[chosen.at[0]!]?.line ?? 0;
    const last = lines[chosen.at.at(-1)!]?.line ?? first;
    for (const [tag, line] of [
      [TAG_BEFORE.exec(raw)?.[0], first],
      [TAG_AFTER.exec(raw)?.[0], last],
    ] as const)
      if (tag !== undefined && !title.includes(tag))
        skipped.push({ line, text: tag, reason: '标题旁的网页标注，已去掉' });
  }
  return {
    title,
    ...(chosen ? { titleOrigin: `取自${chosen.origin}` } : {}),
    ...(fromTable ? { titleOrigin: '取自网页信息中的“标题”' } : {}),
    ...(bylineAt >= 0 ? { byline: lines[bylineAt]!.text } : {}),
    metadata,
    start,
    skipped,
    notes,
    texts,
  };
}

// Words of the buttons and switches a portal prints around a text, in any brackets and spacing.
const BUTTON_WORDS = new Set(
  '打印 关闭 收藏 打印本页 关闭窗口 返回顶部 返回 字体 字号 大 中 小 默认 分享 分享到 微信 微博 QQ空间 纠错 我要纠错 视力保护色 背景色 朗读 保存 复制链接 一键分享'.split(
    ' ',
  ),
);

/** A line of buttons only: 【字体：大 中 小】【打印】【关闭】. */
function isButtons(text: string): boolean {
  const words = text.split(/[\s\u3000【】[\]|｜:：]+/).filter(Boolean);
  return words.length >= 2 && words.every((word) => BUTTON_WORDS.has(word));
}

/** A line with a date in it: 2024年3月20日, （2024年3月20日）, 清水县人民政府 2024年01月08日. */
function hasDate(text: string): boolean {
  return (
    /[0-9０-９]{4}[\s\u3000]*年[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*月[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*日/.test(
      text,
    ) || text.split(/[\s\u3000()（）]+/).some((part) => part !== '' && readDate(part) !== undefined)
  );
}

export function isCaption(text: string): boolean {
  return text.length <= MAX_CAPTION_LENGTH && CAPTIONS.some((caption) => caption.test(text));
}
