import type { EditionEvent } from '../../schemas/editions.ts';

/** One line of /changes.json. */
export interface SiteChange {
  date: string;
  kind: 'publication' | 'correction' | 'withdrawal';
  report: string;
  title: string;
  agency: string;
  /** The edition the event made (publication and corrections). */
  edition?: number;
  note: string;
  /** Where to read what the event made: the report, or the 修订记录 for a correction. */
  url: string;
}

export interface ReportEvents {
  folder: string;
  title: string;
  agency: string;
  events: readonly EditionEvent[];
  urls: { report: string; editions: string; edition: (n: number) => string };
}

const KINDS = { publish: 'publication', correct: 'correction', withdraw: 'withdrawal' } as const;

/** Every event of every report, newest first; on the same day, later events of a report first. */
export function siteChanges(reports: readonly ReportEvents[]): SiteChange[] {
  const all = reports.flatMap((report) =>
    report.events.map((event, order) => ({
      order,
      change: {
        date: event.date,
        kind: KINDS[event.kind],
        report: report.folder,
        title: report.title,
        agency: report.agency,
        ...(event.kind === 'withdraw' ? {} : { edition: event.edition }),
        note: event.note,
        url: event.kind === 'correct' ? report.urls.editions : report.urls.report,
      } satisfies SiteChange,
    })),
  );
  return all
    .sort(
      (a, b) =>
        b.change.date.localeCompare(a.change.date) ||
        a.change.report.localeCompare(b.change.report) ||
        b.order - a.order,
    )
    .map(({ change }) => change);
}
