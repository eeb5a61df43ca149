import { reportFolder } from '../addresses/ids.ts';
import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';
import { guessItem } from './items.ts';
import { agencyFromTitle, deriveShortName } from './names.ts';
import type { ImportedReport, ImportedSection } from './structure.ts';
import { deriveSummary } from './summary.ts';

/** What the publisher said on the command line; each value wins over what the text says. */
export interface ImportOptions {
  agencyId: string;
  agencyName?: string;
  shortName?: string;
  /** YYYY-MM-DD. */
  published?: string;
  signature?: { body?: string; date?: string };
  year?: number;
  sourceUrl?: string;
  /** Write a draft even when nothing is missing. */
  draft?: boolean;
  /** Name of the imported file, quoted in the comment at the top of report.md. */
  inputName: string;
  /** Folder the report folder goes in, as shown in messages, e.g. content/reports. */
  outDir: string;
}

/** A field the release does not give and no option supplied. */
export interface MissingField {
  field: string;
  /** What it is, in Chinese. */
  label: string;
  /** The option that supplies it. */
  option: string;
}

export interface PlannedSection {
  id: string;
  numbering: string;
  title: string;
  order: number;
  parent?: string;
  item?: StatutoryItem;
  /** For a part: the words the item was guessed from, undefined when nothing matched. */
  itemBasis?: string;
  runIn: boolean;
  paragraphs: string[];
  line: number;
  /** The comment after `item`: how it was guessed, for the editor to check. */
  itemComment?: string;
}

export interface ImportPlan {
  /** The report folder's name, <year>-<agency id>. */
  folder: string;
  /** report.md's frontmatter. */
  data: Record<string, unknown>;
  /** report.md's body: the preamble, as Markdown paragraphs. */
  preamble: string[];
  /** Lines of the comment at the top of report.md: where it came from, whether it is a draft. */
  header: string[];
  /** Comments after values in report.md, keyed by field path (agency.shortName): what to check. */
  comments: Record<string, string>;
  /** Where each derived field came from, in Chinese, keyed by field path. */
  origins: Record<string, string>;
  draft: boolean;
  missing: MissingField[];
  sections: PlannedSection[];
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problems: string[] };

/**
 * Turns an imported report and the publisher's options into the files of a report folder.
 * Derived values (names, summary, statutory items) are marked in YAML comments for the editor
 * to check; a missing publication date makes the report a draft rather than an invented date.
 * Refuses (with what to do) when the title gives no year or nothing names the agency, and
 * when the result would not pass the content checks.
 */
export function planImport(report: ImportedReport, options: ImportOptions): PlanResult {
  const problems: string[] = [];
  const origins: Record<string, string> = {};
  const year = options.year ?? report.year;
  origins['year'] = options.year !== undefined ? '来自 --year' : '取自标题';
  if (report.title === '') problems.push('文件中没有文字：第一行应为报告标题');
  else if (year === undefined)
    problems.push(
      `标题“${report.title}”中没有找到年份（如“2023年”）。请用 --year 2023 指明报告所述年度`,
    );
  if (report.parts.length === 0)
    problems.push(
      '没有找到章节标题（如“一、”“第一部分”开头的行）。请确认原文的章节标题各占一行或以编号开头',
    );

  const titleAgency = agencyFromTitle(report.title);
  const [agencyName, nameOrigin] = firstOf([
    [options.agencyName, '来自 --agency'],
    [report.metadata.publisher, '取自“发布机构”'],
    [options.signature?.body, '来自 --signature'],
    [report.signature?.body, '取自落款'],
    [titleAgency, '由标题推得'],
  ]);
  if (agencyName === undefined)
    problems.push('没有找到机构名称（标题、发布机构和落款中都没有）。请用 --agency 给出机构全称');
  else origins['agency.name'] = nameOrigin!;
  const shortName = options.shortName ?? deriveShortName(report.title, agencyName);
  origins['agency.shortName'] =
    options.shortName !== undefined
      ? '来自 --short-name'
      : titleAgency !== undefined
        ? '由标题推得'
        : '同机构全称';
  if (problems.length) return { ok: false, problems };

  const folder = reportFolder(year!, options.agencyId);
  const [published, publishedOrigin] = firstOf([
    [options.published, '来自 --published'],
    [
      report.metadata.published,
      `取自原文“${report.metadata.publishedLabel ?? '发布日期'}”${report.metadata.publishedTime ? `，时刻 ${report.metadata.publishedTime} 不保留` : ''}`,
    ],
  ]);
  if (publishedOrigin) origins['published'] = publishedOrigin;
  const signature = { ...report.signature, ...options.signature };
  const hasSignature = signature.body !== undefined || signature.date !== undefined;
  if (hasSignature)
    origins['signature'] = options.signature
      ? report.signature
        ? '原文落款，--signature 补充'
        : '来自 --signature'
      : '取自原文落款';

  const [summary, summaryOrigin] = firstOf([
    [deriveSummary(report.preambleText), '取自开头第一句'],
    [
      deriveSummary(report.parts.flatMap((part) => part.paragraphs.map(plainText))),
      '开头没有导言，取自正文第一句',
    ],
  ]);
  if (summaryOrigin) origins['summary'] = summaryOrigin;

  const missing: MissingField[] = [];
  if (published === undefined)
    missing.push({ field: 'published', label: '发布日期', option: '--published 2024-03-28' });
  if (summary === undefined)
    missing.push({ field: 'summary', label: '简介', option: '（导入后在 report.md 中填写）' });
  const draft = options.draft === true || missing.length > 0;

  const data: Record<string, unknown> = {
    title: report.title,
    agency: { name: agencyName, shortName, id: options.agencyId },
    year,
    ...(published !== undefined ? { published } : {}),
    ...(hasSignature ? { signature: orderSignature(signature) } : {}),
    // A draft without a summary still validates: the placeholder says what to write.
    summary: summary ?? '（待填写：一两句话的简介）',
    ...(report.metadata.source ? { source: report.metadata.source } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    ...(report.metadata.indexNumber ? { indexNumber: report.metadata.indexNumber } : {}),
    ...(report.metadata.documentNumber ? { documentNumber: report.metadata.documentNumber } : {}),
    ...(draft ? { draft: true } : {}),
  };

  // The content checks run on the files as they would be written (tools/import.ts), through
  // the same door as the build's.
  const sections = planSections(report, year);

  const header = [
    `由 npm run import 从 ${options.inputName} 导入。带“请核对”的值是推测的，核对后可删去注释。`,
  ];
  if (draft)
    header.push(
      missing.length
        ? `草稿：原文没有 ${missing.map((m) => `${m.field}（${m.label}）`).join('、')}。补上后删去 draft: true，报告才会发布。`
        : '草稿：核对完毕后删去 draft: true，报告才会发布。',
    );
  const comments: Record<string, string> = {};
  for (const field of ['agency.name', 'agency.shortName']) {
    const origin = origins[field]!;
    if (!origin.startsWith('来自')) comments[field] = `${origin}，请核对`;
  }
  comments['summary'] = origins['summary']
    ? `${origins['summary']}，请核对`
    : '原文没有可作简介的文字，请填写';
  const plan = { folder, data, preamble: report.preamble, header, comments, origins, draft };
  return { ok: true, plan: { ...plan, missing, sections } };
}

/** Markdown written by the importer back to text: bold markers and escapes dropped. */
const plainText = (markdown: string) => markdown.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

function firstOf(
  candidates: readonly [string | undefined, string][],
): [string | undefined, string | undefined] {
  const found = candidates.find(([value]) => value !== undefined && value !== '');
  return found ? [found[0], found[1]] : [undefined, undefined];
}

function orderSignature(signature: { body?: string; date?: string }) {
  return {
    ...(signature.body !== undefined ? { body: signature.body } : {}),
    ...(signature.date !== undefined ? { date: signature.date } : {}),
  };
}

function planSections(report: ImportedReport, year: number | undefined): PlannedSection[] {
  const planned: PlannedSection[] = [];
  const place = (section: ImportedSection, id: string, order: number) => ({
    id,
    numbering: section.numbering,
    title: section.title,
    order,
    runIn: section.runIn,
    paragraphs: section.paragraphs,
    line: section.line,
  });
  report.parts.forEach((part, i) => {
    const guess = guessItem(part.title, year);
    planned.push({
      ...place(part, `s${i + 1}`, i + 1),
      item: guess.item,
      ...(guess.basis !== undefined ? { itemBasis: guess.basis } : {}),
      itemComment:
        guess.basis !== undefined
          ? `按标题中的“${guess.basis}”推测，请核对`
          : `未能从标题推测，请从 ${STATUTORY_ITEMS.join(' / ')} 中选择`,
    });
    part.subsections.forEach((sub, j) => {
      planned.push({ ...place(sub, `s${i + 1}-${j + 1}`, j + 1), parent: `s${i + 1}` });
    });
  });
  return planned;
}

/** A planned section's frontmatter, as written to its file. */
export function sectionData(section: PlannedSection): Record<string, unknown> {
  return {
    id: section.id,
    numbering: section.numbering,
    title: section.title,
    order: section.order,
    ...(section.parent !== undefined ? { parent: section.parent } : {}),
    ...(section.item !== undefined ? { item: section.item } : {}),
    ...(section.runIn ? { runIn: true } : {}),
  };
}
