import { z } from './common.ts';

/**
 * A report's edition record, content/reports/<folder>/editions.json. It is written by
 * `npm run publish-report`, `npm run correct` and `npm run withdraw`, never by hand: what a
 * published report said at each edition is kept as what changed, against the text of the
 * latest edition (`current`), which the build compares with the files to find unrecorded changes.
 */

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One block of text as readers see it: a paragraph (with what follows it up to the next one). */
const unitSchema = z.tuple([
  /** Stable paragraph id (s1-2-p3), or `<section>-head` for blocks before the first paragraph. */
  z.string(),
  /** The Markdown of the unit, whitespace normalised. */
  z.string(),
]);

const shownSectionSchema = z.object({
  /** Section id; `intro` for the preamble in report.md. */
  id: z.string(),
  /** File name in the report folder. */
  file: z.string(),
  /** Shown heading fields (numbering, title, item), as written. */
  heading: z.record(z.string(), z.string()),
  units: z.array(unitSchema),
});

export const shownTextSchema = z.object({
  /** Shown metadata of report.md (title, agency.name, published …), as written. */
  fields: z.record(z.string(), z.string()),
  /** The preamble then every section, in reading order. */
  sections: z.array(shownSectionSchema),
});

/** What one correction changed, enough to rebuild the edition before it. */
export const changeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('field'),
    field: z.string(),
    old: z.string().optional(),
    new: z.string().optional(),
  }),
  z.object({
    type: z.literal('heading'),
    section: z.string(),
    field: z.string(),
    old: z.string().optional(),
    new: z.string().optional(),
  }),
  z.object({
    type: z.literal('unit'),
    section: z.string(),
    id: z.string(),
    /** Absent for a unit the correction inserted. */
    old: z.string().optional(),
    /** Absent for a unit the correction removed. */
    new: z.string().optional(),
  }),
  /** The order of a section's units before the correction (when units came or went). */
  z.object({ type: z.literal('order'), section: z.string(), old: z.array(z.string()) }),
  /** A section added (old absent) or removed (old holds it whole). */
  z.object({
    type: z.literal('section'),
    section: z.string(),
    old: shownSectionSchema.optional(),
  }),
  /** The reading order of sections before the correction, when it changed. */
  z.object({ type: z.literal('sections'), old: z.array(z.string()) }),
]);

const eventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('publish'),
    edition: z.literal(1),
    date: ISO_DATE,
    note: z.string(),
  }),
  z.object({
    kind: z.literal('correct'),
    edition: z.number().int().min(2),
    date: ISO_DATE,
    note: z.string(),
    changes: z.array(changeSchema),
  }),
  z.object({ kind: z.literal('withdraw'), date: ISO_DATE, note: z.string() }),
]);

export const editionRecordSchema = z.object({
  /** The record format; a change that old builds could misread gets a new number. */
  version: z.literal(1),
  /** Publication, corrections and withdrawal, oldest first. */
  events: z.array(eventSchema).min(1),
  /** The text of the latest edition. */
  current: shownTextSchema,
});

export type Unit = z.infer<typeof unitSchema>;
export type ShownSection = z.infer<typeof shownSectionSchema>;
export type ShownText = z.infer<typeof shownTextSchema>;
export type Change = z.infer<typeof changeSchema>;
export type EditionEvent = z.infer<typeof eventSchema>;
export type EditionRecord = z.infer<typeof editionRecordSchema>;
