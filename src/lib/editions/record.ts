import type { Change, EditionEvent, EditionRecord, ShownText } from '../../schemas/editions.ts';
import { charDiff, type DiffPart } from './diff.ts';
import { undoChanges } from './compare.ts';
import { isHeadUnit } from './shown.ts';

/**
 * Reading an edition record: the editions it lists, the text of each, and what a reader landing
 * on a paragraph should be told about its history.
 */

/** One edition: the publication or a correction. */
export interface Edition {
  edition: number;
  date: string;
  note: string;
  kind: 'publish' | 'correct';
  changes: readonly Change[];
}

export function editionsOf(record: EditionRecord): Edition[] {
  return record.events.flatMap((event): Edition[] =>
    event.kind === 'withdraw'
      ? []
      : [
          {
            edition: event.edition,
            date: event.date,
            note: event.note,
            kind: event.kind,
            changes: event.kind === 'correct' ? event.changes : [],
          },
        ],
  );
}

export function latestEdition(record: EditionRecord): Edition {
  return editionsOf(record).at(-1)!;
}

export function withdrawalOf(record: EditionRecord): { date: string; note: string } | undefined {
  const last = record.events.at(-1)!;
  return last.kind === 'withdraw' ? { date: last.date, note: last.note } : undefined;
}

/** Date of the latest event (publication, correction or withdrawal). */
export function lastEventDate(record: EditionRecord): string {
  return record.events.at(-1)!.date;
}

/** The text of every edition, oldest first (index 0 is edition 1). */
export function editionTexts(record: EditionRecord): ShownText[] {
  const editions = editionsOf(record);
  const texts: ShownText[] = [record.current];
  for (let k = editions.length - 1; k > 0; k--)
    texts.unshift(undoChanges(texts[0]!, editions[k]!.changes));
  return texts;
}

/** Every change recorded for the report, oldest first. */
export function allChanges(record: EditionRecord): Change[] {
  return editionsOf(record).flatMap((edition) => edition.changes);
}

/** A paragraph's history as the current page tells it. */
export interface ParagraphHistory {
  /** Each correction that reworded it: the date and the wording before. */
  corrections: { edition: number; date: string; before: string }[];
}

/** A paragraph removed by a correction, and the last edition that had it. */
export interface RemovedParagraph {
  id: string;
  section: string;
  /** The last edition that had it. */
  edition: number;
  /** Date of the correction that removed it. */
  date: string;
  /** The paragraph it followed in that edition, so the current page can hold its old id there. */
  after?: string;
}

/** For the current edition's pages: reworded paragraphs and removed ones, by id. */
export function paragraphHistories(record: EditionRecord): {
  changed: Map<string, ParagraphHistory>;
  removed: Map<string, RemovedParagraph>;
} {
  const changed = new Map<string, ParagraphHistory>();
  const removed = new Map<string, RemovedParagraph>();
  const texts = editionTexts(record);
  const currentIds = new Set(
    record.current.sections.flatMap((section) => section.units.map(([id]) => id)),
  );
  for (const edition of editionsOf(record)) {
    for (const change of edition.changes) {
      if (change.type !== 'unit' || isHeadUnit(change.id)) continue;
      if (change.old !== undefined && change.new !== undefined && currentIds.has(change.id)) {
        const history = changed.get(change.id) ?? { corrections: [] };
        history.corrections.push({
          edition: edition.edition,
          date: edition.date,
          before: change.old,
        });
        changed.set(change.id, history);
      }
      if (change.old !== undefined && change.new === undefined && !currentIds.has(change.id)) {
        const before = texts[edition.edition - 2]!.sections.find(
          (section) => section.id === change.section,
        );
        const index = before?.units.findIndex(([id]) => id === change.id) ?? -1;
        const after = index > 0 ? before!.units[index - 1]![0] : undefined;
        removed.set(change.id, {
          id: change.id,
          section: change.section,
          edition: edition.edition - 1,
          date: edition.date,
          ...(after ? { after } : {}),
        });
      }
    }
  }
  return { changed, removed };
}

/** A changed paragraph between two editions, for the comparison view. */
export interface ComparedUnit {
  section: string;
  id: string;
  before?: string;
  after?: string;
  parts: DiffPart[];
}

/** The units and fields that differ between two editions' texts, in reading order. */
export function compareEditions(
  before: ShownText,
  after: ShownText,
): {
  fields: { field: string; before?: string; after?: string; parts: DiffPart[] }[];
  units: ComparedUnit[];
} {
  const fields = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])]
    .filter((field) => before.fields[field] !== after.fields[field])
    .map((field) => ({
      field,
      ...(before.fields[field] === undefined ? {} : { before: before.fields[field] }),
      ...(after.fields[field] === undefined ? {} : { after: after.fields[field] }),
      parts: charDiff(before.fields[field] ?? '', after.fields[field] ?? ''),
    }));
  const units: ComparedUnit[] = [];
  const beforeSections = new Map(before.sections.map((section) => [section.id, section]));
  const seen = new Set<string>();
  const push = (section: string, id: string, a: string | undefined, b: string | undefined) => {
    if (a === b) return;
    units.push({
      section,
      id,
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
      parts: charDiff(a ?? '', b ?? ''),
    });
  };
  for (const section of after.sections) {
    const old = new Map(beforeSections.get(section.id)?.units ?? []);
    const headingBefore = beforeSections.get(section.id)?.heading ?? {};
    for (const field of ['numbering', 'title'])
      push(section.id, `${section.id}:${field}`, headingBefore[field], section.heading[field]);
    for (const [id, md] of section.units) {
      seen.add(id);
      push(section.id, id, old.get(id), md);
    }
    for (const [id, md] of old) if (!seen.has(id)) push(section.id, id, md, undefined);
  }
  for (const section of before.sections)
    if (!after.sections.some((each) => each.id === section.id))
      for (const [id, md] of section.units) push(section.id, id, md, undefined);
  return { fields, units };
}

export type { EditionEvent };

/**
 * Whether a report has a 修订记录 page: once it has been corrected or withdrawn. Until then its
 * history is its first edition, which the report page dates and nothing links to a page of.
 */
export function hasEditionHistory(record: EditionRecord): boolean {
  return record.events.some((event) => event.kind !== 'publish');
}

/**
 * What the page model needs of a record: the date its pages last changed, whether the report is
 * withdrawn, and each earlier edition with the sections it held (each has a page of its own).
 */
export function recordPages(record: EditionRecord): {
  lastmod: string;
  withdrawn: boolean;
  editions: { count: number; earlier: { edition: number; sections: string[] }[] };
} {
  const latest = latestEdition(record);
  const texts = editionTexts(record);
  return {
    lastmod: latest.date,
    withdrawn: withdrawalOf(record) !== undefined,
    editions: {
      count: latest.edition,
      earlier: editionsOf(record)
        .filter((edition) => edition.edition < latest.edition)
        .map((edition) => ({
          edition: edition.edition,
          // The first shown section is the preamble, which has no page.
          sections: texts[edition.edition - 1]!.sections.slice(1).map((section) => section.id),
        })),
    },
  };
}
