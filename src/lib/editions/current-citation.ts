import type { EditionRecord } from '../../schemas/editions.ts';
import { citationData } from './page-citation.ts';
import { latestEdition } from './record.ts';

// Apart from page-citation.ts, which the citation script imports: this side needs the record.

/** The citation attribute for a report's current text (report and section pages), from its record. */
export function currentCitationData(report: {
  agency: { name: string };
  published?: string | undefined;
  data: { title: string };
  record?: EditionRecord | undefined;
}): string {
  return citationData(
    report.agency.name,
    report.data.title,
    report.record && latestEdition(report.record),
    report.published,
  );
}
