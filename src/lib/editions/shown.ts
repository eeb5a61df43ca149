import type { Node, Parent } from 'unist';
import { paragraphId, PREAMBLE_PREFIX } from '../addresses/ids.ts';
import type { ShownSection, ShownText, Unit } from '../../schemas/editions.ts';

/**
 * What readers see of a report, as the edition record keeps it: the shown metadata, and each
 * section's heading fields and text cut into units. A unit is a paragraph together with the
 * blocks that follow it up to the next paragraph (a list, a table), so every change lands on a
 * paragraph a reader can cite. Only what renders counts: comments and whitespace that renders the
 * same are normalised away.
 */

/** Section key of the preamble (report.md's body). */
export const PREAMBLE_KEY = PREAMBLE_PREFIX;

/** Fields of report.md that pages, listings or the open data show. */
export const SHOWN_REPORT_FIELDS = [
  'title',
  'agency.name',
  'agency.shortName',
  'year',
  'published',
  'summary',
  'signature.body',
  'signature.date',
  'source',
  'sourceUrl',
  'indexNumber',
  'documentNumber',
] as const;

/** Fields of a section file that its heading shows. */
export const SHOWN_SECTION_FIELDS = ['numbering', 'title', 'item', 'runIn', 'parent'] as const;

/** A body block as read from the file, with the line it starts on (for messages). */
export interface BodyUnit {
  /** True when the unit starts with a paragraph, which gets an id on the page. */
  paragraph: boolean;
  md: string;
  /** Line in the body, from 1. */
  line: number;
}

const COMMENT = /<!--[\s\S]*?-->/g;

/** Markdown as it renders: line endings, spaces around line breaks and comments do not count. */
export function normaliseMarkdown(md: string): string {
  return md
    .replace(/\r\n?/g, '\n')
    .replace(COMMENT, '')
    .replace(/ {2,}\n/g, '\\\n')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{2,}/g, '\n\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Cuts a body's Markdown tree into units; `body` is the text the tree was parsed from. */
export function bodyUnits(tree: Node, body: string): BodyUnit[] {
  const units: BodyUnit[] = [];
  for (const child of (tree as Parent).children ?? []) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const md = normaliseMarkdown(body.slice(start, end));
    if (!md) continue;
    const line = child.position!.start.line;
    const last = units.at(-1);
    if (child.type === 'paragraph' || !last)
      units.push({ paragraph: child.type === 'paragraph', md, line });
    else last.md = `${last.md}\n\n${md}`;
  }
  return units;
}

/** Positional ids for a body's units: the n-th paragraph is `<prefix>-pn`. */
export function positionalUnits(sectionId: string | undefined, units: readonly BodyUnit[]): Unit[] {
  let n = 0;
  return units.map((unit) =>
    unit.paragraph
      ? [paragraphId(sectionId, ++n), unit.md]
      : [headUnitId(sectionId ?? PREAMBLE_KEY), unit.md],
  );
}

/** The key of the blocks a section has before its first paragraph. */
export function headUnitId(section: string): string {
  return `${section}-head`;
}

export const isHeadUnit = (id: string): boolean => id.endsWith('-head');

/** A frontmatter value at a dotted path, as text; undefined when absent. */
export function fieldText(data: Record<string, unknown>, field: string): string | undefined {
  let value: unknown = data;
  for (const key of field.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null || value === false) return undefined;
  return String(value);
}

/** The shown fields of some frontmatter, leaving out those it does not have. */
export function shownFields(
  data: Record<string, unknown>,
  fields: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const text = fieldText(data, field);
    if (text !== undefined) out[field] = text;
  }
  return out;
}

/** Section key → section, for lookups. */
export function sectionsById(text: ShownText): Map<string, ShownSection> {
  return new Map(text.sections.map((section) => [section.id, section]));
}
