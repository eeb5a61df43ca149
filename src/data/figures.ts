import indicators from 'virtual:fzzf/indicators';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { paragraphId } from '../lib/addresses/ids.ts';
import { plainText } from '../lib/content/body.ts';
import { toFullWidthPunctuation } from '../lib/content/punctuation.ts';
import { locateFigure } from '../lib/figures/locate.ts';
import type { FigureRecord } from '../lib/figures/records.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { listedReports, type Report } from './reports.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { figureRow, type FigureRow } from '../lib/figures/csv.ts';
import { absoluteUrl, sectionAnchorPath } from '../lib/addresses/urls.ts';
import { BASE } from '../lib/addresses/site-paths.ts';

let loaded: Promise<{ indicators: Indicator[]; figures: FigureRecord[] }> | undefined;

/** The paragraphs of a section's Markdown, as plain text, in order. */
function paragraphTexts(markdown: string): string[] {
  const tree = unified().use(remarkParse).parse(markdown) as Node;
  return ((tree as Parent).children ?? [])
    .filter((child) => child.type === 'paragraph')
    .map(plainText);
}

// Each report's figures are located once per build: the report page, its section pages, its
// JSON and the listings all ask for them.
const located = new WeakMap<Report, FigureRecord[]>();

/** A report's figures, each tied to the paragraph and sentence of its section that state it. */
export function reportFigures(report: Report, indicators: readonly Indicator[]): FigureRecord[] {
  let records = located.get(report);
  if (!records) {
    records = locateReportFigures(report, indicators);
    located.set(report, records);
  }
  return records;
}

function locateReportFigures(report: Report, indicators: readonly Indicator[]): FigureRecord[] {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const sections = new Map(flattenOutline(report.outline).map((section) => [section.id, section]));
  return (report.data.figures ?? []).flatMap((figure) => {
    const indicator = byId.get(figure.indicator);
    const section = sections.get(figure.section);
    // The content check refused anything else before the build started.
    if (!indicator || !section) return [];
    const place = locateFigure(paragraphTexts(section.entry.body ?? ''), indicator, figure.value);
    if (!place) return [];
    return [
      {
        folder: report.folder,
        year: report.data.year,
        agencyId: report.data.agency.id,
        agencyName: report.data.agency.name,
        agencyShortName: report.data.agency.shortName,
        indicator: indicator.id,
        value: figure.value,
        unit: indicator.unit,
        approx: place.approx,
        section: section.id,
        paragraph: paragraphId(section.id, place.paragraph),
        excerpt: toFullWidthPunctuation(place.excerpt),
      },
    ];
  });
}

/**
 * The indicators of content/indicators.yml, checked before the build starts. A module of the run
 * (src/integrations/site-options.ts), so a running npm run dev picks up an edit.
 */
export function indicatorList(): Indicator[] {
  return indicators;
}

/**
 * Every published figure and the indicators, read once per build. A withdrawn report's figures
 * leave the charts, downloads and search answers with it.
 */
export function loadFigures(): Promise<{ indicators: Indicator[]; figures: FigureRecord[] }> {
  loaded ??= (async () => {
    const reports = await listedReports();
    const list = indicatorList();
    return { indicators: list, figures: reports.flatMap((report) => reportFigures(report, list)) };
  })();
  return loaded;
}

/** Every figure as a download row (figures.csv, figures.json, <indicator>.csv), oldest year first. */
export async function figureDownloadRows(site: URL): Promise<FigureRow[]> {
  const { figures } = await loadFigures();
  return figures
    .toSorted(
      (a, b) =>
        a.indicator.localeCompare(b.indicator) ||
        a.year - b.year ||
        a.agencyId.localeCompare(b.agencyId),
    )
    .map((figure) =>
      figureRow(
        figure,
        absoluteUrl(site, sectionAnchorPath(BASE, figure.folder, figure.paragraph)),
      ),
    );
}
