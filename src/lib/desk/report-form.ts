import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';
import { readDateOption, readYearOption } from '../import/options.ts';
import type { ImportPlan, PlannedSection } from '../import/plan.ts';
import {
  joinWithPrevious,
  type Level,
  outlineStyles,
  renumber,
  setLevel,
  splitAt,
} from './outline-edit.ts';

/**
 * The desk's report form, read back into the importer's plan. Field names are fixed here and
 * used by the view; every value arrives as typed and is kept as typed when it cannot be read
 * (a year in words, a date that is not one), so that the content check names it rather than
 * the desk silently dropping it.
 */

/** Form field names of report.md's values. */
export const REPORT_FIELDS = {
  title: 'title',
  agencyName: 'agency.name',
  shortName: 'agency.shortName',
  agencyId: 'agency.id',
  year: 'year',
  published: 'published',
  signatureBody: 'signature.body',
  signatureDate: 'signature.date',
  summary: 'summary',
  source: 'source',
  sourceUrl: 'sourceUrl',
  indexNumber: 'indexNumber',
  documentNumber: 'documentNumber',
  preamble: 'preamble',
} as const;

/** Form field names of section `index`'s values. */
export const sectionField = (index: number, name: 'title' | 'runIn' | 'item' | 'level' | 'body') =>
  `section.${index}.${name}`;

export type FormValues = (name: string) => string | undefined;

const clean = (value: string | undefined) => value?.replace(/\r\n?/g, '\n').trim();

/** Paragraphs of a body typed in a text area: blocks separated by blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
}

function readDate(value: string | undefined): string | undefined {
  const text = clean(value);
  if (!text) return undefined;
  return readDateOption(text) ?? text;
}

/**
 * The plan with the form's values. `agencyId` and `year` are taken only when `folderFixed` is
 * false (before the first save): afterwards they name the folder, which the desk does not move.
 */
export function applyReportForm(
  plan: ImportPlan,
  form: FormValues,
  folderFixed: boolean,
): ImportPlan {
  const data: Record<string, unknown> = { ...plan.data };
  const agency = { ...(data['agency'] as Record<string, unknown>) };
  const text = (field: string) => clean(form(field));
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (value === undefined || value === '') delete target[key];
    else target[key] = value;
  };
  if (form(REPORT_FIELDS.title) !== undefined) set(data, 'title', text(REPORT_FIELDS.title));
  if (form(REPORT_FIELDS.agencyName) !== undefined)
    set(agency, 'name', text(REPORT_FIELDS.agencyName));
  if (form(REPORT_FIELDS.shortName) !== undefined)
    set(agency, 'shortName', text(REPORT_FIELDS.shortName));
  if (!folderFixed && form(REPORT_FIELDS.agencyId) !== undefined)
    set(agency, 'id', text(REPORT_FIELDS.agencyId));
  data['agency'] = agency;
  if (!folderFixed && form(REPORT_FIELDS.year) !== undefined) {
    const year = text(REPORT_FIELDS.year) ?? '';
    set(data, 'year', readYearOption(year) ?? year);
  }
  if (form(REPORT_FIELDS.published) !== undefined)
    set(data, 'published', readDate(form(REPORT_FIELDS.published)));
  if (form(REPORT_FIELDS.signatureBody) !== undefined) {
    const signature: Record<string, unknown> = {};
    set(signature, 'body', text(REPORT_FIELDS.signatureBody));
    set(signature, 'date', readDate(form(REPORT_FIELDS.signatureDate)));
    set(data, 'signature', Object.keys(signature).length ? signature : undefined);
  }
  for (const key of ['summary', 'source', 'sourceUrl', 'indexNumber', 'documentNumber'] as const)
    if (form(REPORT_FIELDS[key]) !== undefined) set(data, key, text(REPORT_FIELDS[key]));
  // Keys in the order the importer writes them, draft last.
  const order = [
    'title',
    'agency',
    'year',
    'published',
    'signature',
    'summary',
    'source',
    'sourceUrl',
    'indexNumber',
    'documentNumber',
  ];
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in data) ordered[key] = data[key];
  for (const key of Object.keys(data)) if (!(key in ordered)) ordered[key] = data[key];
  if ('draft' in ordered) {
    const draft = ordered['draft'];
    delete ordered['draft'];
    ordered['draft'] = draft;
  }

  const preamble = form(REPORT_FIELDS.preamble);
  const sections = plan.sections.map((section, index): PlannedSection & { level?: Level } => {
    const field = (name: Parameters<typeof sectionField>[1]) => form(sectionField(index, name));
    const title = field('title');
    const body = field('body');
    const item = field('item') as StatutoryItem | undefined;
    const level = field('level');
    if (title === undefined) return section;
    const next: PlannedSection & { level?: Level } = {
      ...section,
      title: clean(title) ?? '',
      runIn: field('runIn') === 'on',
      ...(body !== undefined ? { paragraphs: paragraphsOf(body) } : {}),
    };
    if (item !== undefined && STATUTORY_ITEMS.includes(item) && item !== section.item) {
      next.item = item;
      // Chosen by the publisher: no longer a guess to check.
      delete next.itemComment;
    }
    if (level === 'part' || level === 'subsection') next.level = level;
    return next;
  });
  const styles = outlineStyles(plan.sections);
  return {
    ...plan,
    data: ordered,
    ...(preamble !== undefined ? { preamble: paragraphsOf(preamble) } : {}),
    sections: renumber(sections, styles),
  };
}

/** An outline action from a form button: join:3, split:3:2 (section 3 at paragraph 2), level:3:part. */
export function applyOutlineAction(plan: ImportPlan, action: string): ImportPlan {
  const [verb, a, b] = action.split(':');
  const index = Number(a);
  if (!Number.isInteger(index)) return plan;
  const styles = outlineStyles(plan.sections);
  let sections = plan.sections;
  if (verb === 'join') sections = joinWithPrevious(sections, index, styles);
  else if (verb === 'split' && Number.isInteger(Number(b)))
    sections = splitAt(sections, index, Number(b), styles);
  else if (verb === 'level' && (b === 'part' || b === 'subsection'))
    sections = setLevel(sections, index, b, styles);
  return { ...plan, sections };
}
