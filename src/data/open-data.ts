import { absoluteUrl } from '../lib/addresses/urls.ts';
import * as urls from '../lib/addresses/urls.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { statutoryFacts } from '../lib/content/statutory.ts';
import {
  type ReportTextInput,
  reportDocument,
  reportMarkdown,
  reportPlainText,
} from '../lib/portal/open-data.ts';
import type { ReportDataFormat } from '../lib/addresses/urls.ts';
import { renderedParagraphs } from '../node/rendered-paragraphs.ts';
import type { Report } from './reports.ts';
import { editionsOf, latestEdition, withdrawalOf } from '../lib/editions/record.ts';
import { isoDateInChina } from '../lib/editions/citation.ts';
import { indicatorList, reportFigures } from './figures.ts';

/** What the open-data files of a report are made from: its metadata and its rendered text. */
export function reportTextInput(report: Report, site: URL, base: string): ReportTextInput {
  const sections = flattenOutline(report.outline);
  const paragraphsOf = (entry: { rendered?: { html: string } | undefined }) =>
    renderedParagraphs(entry.rendered);
  return {
    report,
    facts: reportFacts(report),
    preamble: paragraphsOf(report.entry),
    preambleBody: report.entry.body ?? '',
    figures: namedFigures(report),
    sections: sections.map((section) => ({
      id: section.id,
      parent: section.entry.data.parent,
      level: section.level,
      numbering: section.numbering,
      title: section.title,
      heading: section.heading,
      item: section.item,
      paragraphs: paragraphsOf(section.entry),
      body: section.entry.body ?? '',
    })),
    editions: report.record ? editionUrls(report, site, base) : [],
    withdrawn: report.record && withdrawalOf(report.record),
    // The date of the text the file holds, not the day it was built: a file changes only when its
    // report does, so a rebuild on another day gives the same bytes.
    cited: report.record
      ? latestEdition(report.record).date
      : (report.published ?? isoDateInChina()),
    urls: {
      schema: absoluteUrl(site, urls.assetPath(base, urls.REPORT_SCHEMA_FILE)),
      report: absoluteUrl(site, urls.reportPath(base, report.folder)),
      sectionPage: (id) => absoluteUrl(site, urls.sectionPath(base, report.folder, id)),
    },
  };
}

/**
 * The text of each open-data file of a report (/reports/<folder>.json, .md, .txt): what the
 * dev server's routes serve and what a build writes from the report's sheet
 * (src/pages/section-sheets/[report].astro).
 */
export function reportDataFiles(
  report: Report,
  site: URL,
  base: string,
): Record<ReportDataFormat, string> {
  const input = reportTextInput(report, site, base);
  const document = reportDocument(input);
  return {
    txt: reportPlainText(document, report),
    md: reportMarkdown(input),
    json: `${JSON.stringify(document)}\n`,
  };
}

/** Published on time, and which parts cover each statutory item. */
export function reportFacts(report: Report) {
  return statutoryFacts(
    report,
    report.outline.map((part) => ({ id: part.id, item: part.item })),
  );
}

/** A report's editions with their addresses: the latest reads at the report's own. */
export function editionUrls(report: Report, site: URL | string, base: string) {
  const record = report.record!;
  const latest = latestEdition(record).edition;
  return editionsOf(record).map(({ edition, date, kind, note }) => ({
    edition,
    date,
    kind,
    note,
    url: absoluteUrl(
      site,
      edition === latest
        ? urls.reportPath(base, report.folder)
        : urls.editionPath(base, report.folder, edition),
    ),
  }));
}

/** A report's figures with their indicator's name, for its JSON copy. */
export function namedFigures(report: Report) {
  const indicators = indicatorList();
  const names = new Map(indicators.map((indicator) => [indicator.id, indicator.name]));
  return reportFigures(report, indicators).map((figure) => ({
    ...figure,
    name: names.get(figure.indicator) ?? figure.indicator,
  }));
}
