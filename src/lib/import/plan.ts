import { reportFolder } from '../addresses/ids.ts';
import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';
import { guessItem } from './items.ts';
import type { NotAReport } from './kind.ts';
import { agencyFromTitle, deriveShortName, isOrganisationName } from './names.ts';
import type { ImportedReport, ImportedSection } from './structure.ts';
import { readTitleYear } from './dates.ts';
import { deriveSummary } from '../content/summary.ts';

/** What the publisher said on the command line; each value wins over what the text says. */
export interface ImportOptions {
  agencyId: string;
  /** The report's title, for a text without a title line or with a wrong one. */
  title?: string;
  agencyName?: string;
  shortName?: string;
  /** YYYY-MM-DD. */
  published?: string;
  signature?: { body?: string; date?: string };
  year?: number;
  /** 来源; '' for none (a 来源 the text gives is then left out). */
  source?: string;
  /** 索引号; '' for none. */
  indexNumber?: string;
  /** 文号; '' for none. */
  documentNumber?: string;
  summary?: string;
  /** The statutory item of each top-level part, in order, instead of the guesses. */
  items?: StatutoryItem[];
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
  /** For a part: the item came from --items. */
  itemGiven?: boolean;
  runIn: boolean;
  paragraphs: string[];
  line: number;
  /** The comment after `item`: how it was guessed, for the editor to check. */
  itemComment?: string;
  /**
   * Frontmatter the plan does not model (aliases …), kept as written when a report folder is read
   * back into a plan (the desk), so that saving it never drops a field.
   */
  extra?: Record<string, unknown>;
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
  /** What the publisher should check, in Chinese: the planner's own findings. */
  notes: string[];
  draft: boolean;
  missing: MissingField[];
  sections: PlannedSection[];
}

export type PlanResult =
  { ok: true; plan: ImportPlan } | { ok: false; problems: string[]; notAReport?: NotAReport };

/**
 * Turns an imported report and the publisher's options into the files of a report folder.
 * Derived values (names, summary, statutory items) are marked in YAML comments for the editor
 * to check; a missing publication date makes the report a draft rather than an invented date.
 * Refuses (with what to do) when the title gives no year or nothing names the agency, and
 * when the result would not pass the content checks.
 */
export function planImport(report: ImportedReport, options: ImportOptions): PlanResult {
  if (report.notAReport)
    return {
      ok: false,
      problems: [report.notAReport.message],
      notAReport: report.notAReport,
    };
  const problems: string[] = [];
  const notes: string[] = [];
  const origins: Record<string, string> = {};
  const title = (options.title ?? report.title).replace(/^《(.*)》$/, '$1');
  if (options.title !== undefined) origins['title'] = '来自 --title';
  else if (report.titleOrigin) origins['title'] = report.titleOrigin;
  // A title without a year: the preamble's opening 2023年， is the year reported on.
  const openingYear = readTitleYear(
    /^\S{0,4}[12１２][0-9０-９]{3}年/.exec(report.preambleText[0] ?? '')?.[0] ?? '',
  );
  const year = options.year ?? readTitleYear(title) ?? (title !== '' ? openingYear : undefined);
  origins['year'] =
    options.year !== undefined
      ? '来自 --year'
      : readTitleYear(title) !== undefined
        ? '取自标题'
        : '标题中没有年份，取自开头第一句';
  if (title === '')
    problems.push(
      '原文没有标题行（开头就是正文）。请用 --title 给出报告标题，例如 --title "XX区人民政府关于2023年度法治政府建设情况的报告"',
    );
  else if (year === undefined)
    problems.push(
      `标题“${title}”中没有找到年份（如“2023年”）。请用 --year 2023 指明报告所述年度；如标题认错了，请用 --title 给出报告标题`,
    );
  if (options.items && report.parts.length && options.items.length !== report.parts.length)
    problems.push(
      `--items 给出了 ${options.items.length} 项，原文有 ${report.parts.length} 个顶级部分（${report.parts.map((part) => part.numbering).join('')}）。请按顺序为每个顶级部分给出一项`,
    );
  if (report.parts.length === 0)
    problems.push(
      '没有找到章节标题（如“一、”“第一部分”开头的行）。请确认原文的章节标题各占一行或以编号开头',
    );

  // The agency: the names the text itself gives (title, 落款) come before a portal's 发布机构,
  // which is often a short form (市市场监管局); a title naming only a place (清江县) comes last.
  const titleAgency = agencyFromTitle(title);
  const titleOrganisation =
    titleAgency !== undefined && isOrganisationName(titleAgency) ? titleAgency : undefined;
  const publisher = report.metadata.publisher;
  const ownNames = [
    options.signature?.body,
    report.signature?.body,
    report.byline,
    titleOrganisation,
  ].filter((name): name is string => name !== undefined);
  const publisherAgrees =
    publisher !== undefined && (ownNames.length === 0 || ownNames.includes(publisher));
  const [agencyName, nameOrigin] = firstOf([
    [options.agencyName, '来自 --agency'],
    [publisherAgrees ? publisher : undefined, '取自“发布机构”'],
    [options.signature?.body, '来自 --signature'],
    [report.signature?.body, '取自落款'],
    [report.byline, '取自标题下的署名'],
    [titleOrganisation, '由标题推得'],
    [titleAgency, '由标题推得'],
  ]);
  if (agencyName === undefined)
    problems.push(
      '没有找到机构名称（标题、发布机构和落款中都没有）。请用 --agency 给出机构全称，例如 --agency "XX区人民政府"',
    );
  else origins['agency.name'] = nameOrigin!;
  if (publisher !== undefined && !publisherAgrees && options.agencyName === undefined)
    notes.push(
      `网页上的发布机构“${publisher}”与报告中的机构名“${agencyName}”不同（常是简称），未采用；如机构名不对，请用 --agency 给出全称`,
    );
  if (
    agencyName !== undefined &&
    options.agencyName === undefined &&
    agencyName === titleAgency &&
    titleOrganisation === undefined
  )
    notes.push(
      `机构名称“${agencyName}”取自标题，像是地名而不是机构全称；如需全称（如“${agencyName}人民政府”），请用 --agency 给出`,
    );
  if (options.year === undefined && readTitleYear(title) === undefined && year !== undefined)
    notes.push(`标题中没有年份，报告年度 ${year} 取自开头第一句；如不对，请用 --year 给出`);
  const shortName = options.shortName ?? deriveShortName(title, agencyName);
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
    [options.summary, '来自 --summary'],
    [deriveSummary(report.preambleText), '取自开头第一句'],
    [
      deriveSummary(report.parts.flatMap((part) => part.paragraphs.map(plainText))),
      '开头没有导言，取自正文第一句',
    ],
  ]);
  if (summaryOrigin) origins['summary'] = summaryOrigin;

  const given = (option: string | undefined, found: string | undefined, label: string) =>
    option !== undefined
      ? ([option || undefined, `来自 --${label}`] as const)
      : ([found, undefined] as const);
  const [source, sourceOrigin] = given(options.source, report.metadata.source, 'source');
  if (source !== undefined)
    origins['source'] = sourceOrigin ?? `取自原文“${report.metadata.sourceLabel ?? '来源'}”`;
  const [indexNumber, indexOrigin] = given(
    options.indexNumber,
    report.metadata.indexNumber,
    'index-number',
  );
  if (indexNumber !== undefined) origins['indexNumber'] = indexOrigin ?? '取自原文“索引号”';
  const [documentNumber, documentOrigin] = given(
    options.documentNumber,
    report.metadata.documentNumber,
    'document-number',
  );
  if (documentNumber !== undefined) origins['documentNumber'] = documentOrigin ?? '取自原文“文号”';

  const missing: MissingField[] = [];
  if (published === undefined)
    missing.push({
      field: 'published',
      label: '发布日期',
      option: `--published ${year! + 1}-03-28`,
    });
  if (summary === undefined)
    missing.push({ field: 'summary', label: '简介', option: '--summary "一两句话的简介"' });
  const draft = options.draft === true || missing.length > 0;

  const data: Record<string, unknown> = {
    title,
    agency: { name: agencyName, shortName, id: options.agencyId },
    year,
    ...(published !== undefined ? { published } : {}),
    ...(hasSignature ? { signature: orderSignature(signature) } : {}),
    // A draft without a summary still validates: the placeholder says what to write.
    summary: summary ?? '（待填写：一两句话的简介）',
    ...(source ? { source } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    ...(indexNumber ? { indexNumber } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    ...(draft ? { draft: true } : {}),
  };

  // The content checks run on the files as they would be written (tools/import.ts), through
  // the same door as the build's.
  const sections = planSections(report, year, options.items);

  const header = [
    `由 npm run import 从 ${options.inputName} 导入。带“请核对”的值是推测的，核对后可删去注释。`,
  ];
  if (draft)
    header.push(
      missing.length
        ? `草稿：原文没有 ${missing.map((m) => `${m.field}（${m.label}）`).join('、')}。补上后运行 npm run publish-report -- ${folder} --date 发布日期 发布。`
        : `草稿：核对完毕后运行 npm run publish-report -- ${folder} 发布。`,
    );
  const comments: Record<string, string> = {};
  for (const field of ['agency.name', 'agency.shortName']) {
    const origin = origins[field]!;
    if (!origin.startsWith('来自')) comments[field] = `${origin}，请核对`;
  }
  if (options.summary === undefined)
    comments['summary'] = origins['summary']
      ? `${origins['summary']}，请核对`
      : '原文没有可作简介的文字，请填写';
  const plan = { folder, data, preamble: report.preamble, header, comments, origins, notes, draft };
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

function planSections(
  report: ImportedReport,
  year: number | undefined,
  items: readonly StatutoryItem[] | undefined,
): PlannedSection[] {
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
    const given = items?.[i];
    const guess = guessItem(part.title, year);
    if (given) planned.push({ ...place(part, `s${i + 1}`, i + 1), item: given, itemGiven: true });
    else
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
    ...section.extra,
  };
}
