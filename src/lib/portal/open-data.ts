import type { ReportData } from '../../schemas/report.ts';
import type { ReportDocument } from '../../schemas/open-data.ts';
import type { StatutoryFacts } from '../content/statutory.ts';
import { formatChineseDate } from '../content/dates.ts';
import { gbtCitation } from '../editions/citation.ts';
import type { FigureRecord } from '../figures/records.ts';
import type { ReportRef } from './index-pages.ts';

/**
 * The report record (src/data/reports.ts) as the open-data copies read it: identity, year,
 * publication date and agency come from the record, where they are derived once; the rest of the
 * frontmatter is copied as the publisher wrote it.
 */
export interface OpenDataReport extends ReportRef {
  agency: ReportData['agency'];
  data: ReportData;
}

/** A section with its text, as read from the built page's Markdown output. */
export interface SectionText {
  id: string;
  parent?: string | undefined;
  level: 2 | 3;
  numbering: string;
  title: string;
  heading: string;
  item: ReportDocument['sections'][number]['item'];
  /** Paragraph ids and text, in order. */
  paragraphs: { id: string; text: string }[];
  /** The Markdown body as the publisher wrote it. */
  body: string;
}

export interface ReportTextInput {
  report: OpenDataReport;
  facts: StatutoryFacts;
  preamble: { id: string; text: string }[];
  preambleBody: string;
  sections: SectionText[];
  /** Key figures the report states (src/lib/figures/records.ts), with their indicator's name. */
  figures?: (FigureRecord & { name: string })[];
  urls: {
    schema: string;
    report: string;
    /** Absolute URL of a section's own page. */
    sectionPage: (id: string) => string;
  };
  /** The editions, oldest first (none for a draft), each with its address. */
  editions: ReportDocument['editions'];
  withdrawn?: { date: string; note: string } | undefined;
  /** 引用日期 of the citations: the day the file was made. */
  cited: string;
}

/** The JSON copy of a report: metadata, statutory facts, and every paragraph with its URL. */
export function reportDocument(input: ReportTextInput): ReportDocument {
  const { report } = input;
  const { data } = report;
  const latest = input.editions.at(-1);
  const cite = (url: string, heading?: string) =>
    gbtCitation(
      {
        agency: report.agency.name,
        title: data.title,
        heading,
        edition: latest?.edition,
        date: latest?.date ?? report.published,
        url,
      },
      input.cited,
    );
  // A paragraph's address and reference follow from its section's (paragraphCitation below).
  const paragraph = (p: { id: string; text: string }) => ({ id: p.id, text: p.text });
  return {
    $schema: input.urls.schema,
    id: report.folder,
    url: input.urls.report,
    title: data.title,
    year: report.year,
    ...(report.published ? { published: report.published } : {}),
    agency: { ...report.agency },
    ...(data.source ? { source: data.source } : {}),
    ...(data.indexNumber ? { indexNumber: data.indexNumber } : {}),
    ...(data.documentNumber ? { documentNumber: data.documentNumber } : {}),
    ...(data.sourceUrl ? { sourceUrl: data.sourceUrl } : {}),
    summary: data.summary,
    ...(data.signature ? { signature: { ...data.signature } } : {}),
    statutory: {
      deadline: input.facts.deadline,
      ...(input.facts.onTime === undefined ? {} : { onTime: input.facts.onTime }),
      items: input.facts.items.map((entry) => ({
        item: entry.item,
        sectionIds: [...entry.sectionIds],
      })),
    },
    editions: input.editions,
    ...(input.withdrawn ? { withdrawn: input.withdrawn } : {}),
    preamble: input.preamble.map(paragraph),
    sections: input.sections.map((section) => ({
      id: section.id,
      ...(section.parent ? { parent: section.parent } : {}),
      level: section.level,
      numbering: section.numbering,
      title: section.title,
      heading: section.heading,
      item: section.item,
      url: `${input.urls.report}#${section.id}`,
      pageUrl: input.urls.sectionPage(section.id),
      citation: cite(`${input.urls.report}#${section.id}`, section.heading),
      paragraphs: section.paragraphs.map(paragraph),
    })),
    citation: cite(input.urls.report),
    figures: (input.figures ?? []).map((figure) => ({
      indicator: figure.indicator,
      name: figure.name,
      value: figure.value,
      unit: figure.unit,
      approx: figure.approx,
      section: figure.section,
      paragraph: figure.paragraph,
      paragraphUrl: `${input.urls.report}#${figure.paragraph}`,
    })),
  };
}

/** A paragraph's address, as schema version 2 states it: the report's, `#` and the id. */
export function paragraphUrl(document: Pick<ReportDocument, 'url'>, id: string): string {
  return `${document.url}#${id}`;
}

/**
 * A paragraph's GB/T 7714 reference, as schema version 2 states it: its section's (the report's
 * for the preamble) with the paragraph's address in place of the one at its end. Undefined for
 * an id the document does not hold.
 */
export function paragraphCitation(
  document: {
    url: string;
    citation: string;
    preamble: readonly { id: string }[];
    sections: readonly { url: string; citation: string; paragraphs: readonly { id: string }[] }[];
  },
  id: string,
): string | undefined {
  const owner = document.preamble.some((p) => p.id === id)
    ? { citation: document.citation, url: document.url }
    : document.sections.find((section) => section.paragraphs.some((p) => p.id === id));
  if (!owner || !owner.citation.endsWith(owner.url)) return undefined;
  return owner.citation.slice(0, -owner.url.length) + paragraphUrl(document, id);
}

/** Lines naming the report's publisher, date and numbers, shared by the text and Markdown copies. */
function metaLines(report: OpenDataReport): string[] {
  const { data } = report;
  return [
    `发布机关：${report.agency.name}`,
    ...(report.published ? [`发布日期：${formatChineseDate(report.published)}`] : []),
    ...(data.source ? [`来源：${data.source}`] : []),
    ...(data.indexNumber ? [`索引号：${data.indexNumber}`] : []),
    ...(data.documentNumber ? [`文号：${data.documentNumber}`] : []),
  ];
}

const signatureLines = (data: ReportData) => [
  ...(data.signature?.body ? [data.signature.body] : []),
  ...(data.signature?.date ? [formatChineseDate(data.signature.date)] : []),
];

/** The report as plain text: the page's wording, one paragraph a line, blank lines between. */
export function reportPlainText(document: ReportDocument, report: OpenDataReport): string {
  const blocks = [
    document.title,
    metaLines(report).join('\n'),
    ...document.preamble.map((p) => p.text),
    ...document.sections.flatMap((section) => [
      section.heading,
      ...section.paragraphs.map((p) => p.text),
    ]),
    signatureLines(report.data).join('\n'),
    `网址：${document.url}`,
  ].filter(Boolean);
  return `${blocks.join('\n\n')}\n`;
}

/** The report as one Markdown file: the publisher's Markdown, parts as ## and subsections as ###. */
export function reportMarkdown(input: ReportTextInput): string {
  const { report } = input;
  const blocks = [
    `# ${report.data.title}`,
    metaLines(report).join('  \n'),
    input.preambleBody.trim(),
    ...input.sections.flatMap((section) => [
      `${section.level === 2 ? '##' : '###'} ${section.heading}`,
      section.body.trim(),
    ]),
    signatureLines(report.data).join('  \n'),
    `网址：<${input.urls.report}>`,
  ].filter(Boolean);
  return `${blocks.join('\n\n')}\n`;
}
