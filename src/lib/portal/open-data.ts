import type { ReportData } from '../../schemas/report.ts';
import type { ReportDocument } from '../../schemas/open-data.ts';
import type { StatutoryFacts } from '../content/statutory.ts';
import { formatChineseDate } from '../content/dates.ts';
import { gbtCitation } from '../editions/citation.ts';

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
  folder: string;
  data: ReportData;
  facts: StatutoryFacts;
  preamble: { id: string; text: string }[];
  preambleBody: string;
  sections: SectionText[];
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
  const { data } = input;
  const latest = input.editions.at(-1);
  const cite = (url: string, heading?: string) =>
    gbtCitation(
      {
        agency: data.agency.name,
        title: data.title,
        heading,
        edition: latest?.edition,
        date: latest?.date ?? data.published,
        url,
      },
      input.cited,
    );
  const paragraph = (p: { id: string; text: string }, heading?: string) => ({
    id: p.id,
    url: `${input.urls.report}#${p.id}`,
    text: p.text,
    citation: cite(`${input.urls.report}#${p.id}`, heading),
  });
  return {
    $schema: input.urls.schema,
    id: input.folder,
    url: input.urls.report,
    title: data.title,
    year: data.year,
    ...(data.published ? { published: data.published } : {}),
    agency: { ...data.agency },
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
    preamble: input.preamble.map((p) => paragraph(p)),
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
      paragraphs: section.paragraphs.map((p) => paragraph(p, section.heading)),
    })),
  };
}

/** Lines naming the report's publisher, date and numbers, shared by the text and Markdown copies. */
function metaLines(data: ReportData): string[] {
  return [
    `发布机关：${data.agency.name}`,
    ...(data.published ? [`发布日期：${formatChineseDate(data.published)}`] : []),
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
export function reportPlainText(document: ReportDocument, data: ReportData): string {
  const blocks = [
    document.title,
    metaLines(data).join('\n'),
    ...document.preamble.map((p) => p.text),
    ...document.sections.flatMap((section) => [
      section.heading,
      ...section.paragraphs.map((p) => p.text),
    ]),
    signatureLines(data).join('\n'),
    `网址：${document.url}`,
  ].filter(Boolean);
  return `${blocks.join('\n\n')}\n`;
}

/** The report as one Markdown file: the publisher's Markdown, parts as ## and subsections as ###. */
export function reportMarkdown(input: ReportTextInput): string {
  const { data } = input;
  const blocks = [
    `# ${data.title}`,
    metaLines(data).join('  \n'),
    input.preambleBody.trim(),
    ...input.sections.flatMap((section) => [
      `${section.level === 2 ? '##' : '###'} ${section.heading}`,
      section.body.trim(),
    ]),
    signatureLines(data).join('  \n'),
    `网址：<${input.urls.report}>`,
  ].filter(Boolean);
  return `${blocks.join('\n\n')}\n`;
}
