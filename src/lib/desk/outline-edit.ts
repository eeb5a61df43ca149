import type { StatutoryItem } from '../../schemas/section.ts';
import {
  type NumberingStyle,
  NUMBERING_STYLES,
  formatNumbering,
  joinHeading,
  parseNumbering,
  styleRank,
} from '../content/numbering.ts';
import { escapeMarkdown, parseInlineMarkdown, spansToMarkdown } from '../import/blocks.ts';
import { readHeadingCandidate, splitHeading } from '../import/headings.ts';
import type { PlannedSection } from '../import/plan.ts';

/**
 * The desk's edits to a report's outline (a heading's level, joining a heading into the text
 * before it, splitting a section at a paragraph). Every edit returns a new list in which ids,
 * order, numbering and parents are recomputed, so the files it is written to pass the content
 * checks' numbering rules whatever was edited.
 */

export type Level = 'part' | 'subsection';

export interface OutlineStyles {
  part: NumberingStyle;
  subsection: NumberingStyle;
}

const levelOf = (section: PlannedSection): Level =>
  section.parent === undefined ? 'part' : 'subsection';

/** The style one rank in from `style`: 一、 under 第一部分, （一） under 一、. */
function styleBelow(style: NumberingStyle): NumberingStyle {
  return NUMBERING_STYLES[Math.min(styleRank(style) + 1, NUMBERING_STYLES.length - 1)]!;
}

/** The numbering styles a report uses, read from its sections (一、 and （一） when there are none). */
export function outlineStyles(sections: readonly PlannedSection[]): OutlineStyles {
  const styleOf = (level: Level) => {
    const first = sections.find((section) => levelOf(section) === level);
    return first ? parseNumbering(first.numbering)?.style : undefined;
  };
  const part = styleOf('part') ?? 'ordinal';
  const subsection = styleOf('subsection');
  return {
    part,
    subsection:
      subsection !== undefined && styleRank(subsection) > styleRank(part)
        ? subsection
        : styleBelow(part),
  };
}

/**
 * Recomputes ids (s1, s1-2), order, numbering and parent from the sections' order and levels. A
 * subsection before any part becomes a part. A part keeps its statutory item; a section that
 * becomes a part without one gets 其他, to be chosen in the form.
 */
export function renumber(
  sections: readonly (PlannedSection & { level?: Level })[],
  styles: OutlineStyles,
): PlannedSection[] {
  const out: PlannedSection[] = [];
  let part = 0;
  let sub = 0;
  for (const section of sections) {
    const level = part === 0 ? 'part' : (section.level ?? levelOf(section));
    const { item, itemComment, itemBasis, ...rest } = section;
    delete rest.level;
    delete rest.parent;
    if (level === 'part') {
      part += 1;
      sub = 0;
      out.push({
        ...rest,
        id: `s${part}`,
        order: part,
        numbering: formatNumbering(styles.part, part),
        item: item ?? ('其他' satisfies StatutoryItem),
        ...(itemComment !== undefined ? { itemComment } : {}),
        ...(itemBasis !== undefined ? { itemBasis } : {}),
      });
    } else {
      sub += 1;
      out.push({
        ...rest,
        id: `s${part}-${sub}`,
        order: sub,
        numbering: formatNumbering(styles.subsection, sub),
        parent: `s${part}`,
      });
    }
  }
  return out;
}

const withLevels = (sections: readonly PlannedSection[]) =>
  sections.map((section) => ({ ...section, level: levelOf(section) }));

/** Makes the section at `index` a part or a subsection; those after it follow by position. */
export function setLevel(
  sections: readonly PlannedSection[],
  index: number,
  level: Level,
  styles = outlineStyles(sections),
): PlannedSection[] {
  const list = withLevels(sections);
  if (!list[index]) return [...sections];
  list[index] = { ...list[index], level };
  return renumber(list, styles);
}

/** The heading as the line of text it was in the release. */
function headingText(section: PlannedSection): string {
  return escapeMarkdown(joinHeading(section.numbering, section.title));
}

/**
 * The heading at `index` was not a heading: it becomes text again, at the end of the section
 * before it (a run-in heading joins its first paragraph, as released). The first section has
 * nothing before it and is left as it is.
 */
export function joinWithPrevious(
  sections: readonly PlannedSection[],
  index: number,
  styles = outlineStyles(sections),
): PlannedSection[] {
  const list = withLevels(sections);
  const section = list[index];
  const previous = list[index - 1];
  if (!section || !previous) return [...sections];
  const [first, ...others] = section.paragraphs;
  const text = section.runIn
    ? [`${headingText(section)}。${first ?? ''}`, ...others]
    : [headingText(section), ...section.paragraphs];
  list[index - 1] = { ...previous, paragraphs: [...previous.paragraphs, ...text] };
  list.splice(index, 1);
  return renumber(list, styles);
}

/**
 * Paragraph `paragraph` of the section at `index` is a heading the importer missed: a new
 * section starts there, with the paragraphs after it. It is a subsection of a part, or of the
 * same level as a subsection. A numbering at its start is dropped (the site numbers sections);
 * a title followed by text in the same paragraph is a run-in heading, as the importer reads one.
 */
export function splitAt(
  sections: readonly PlannedSection[],
  index: number,
  paragraph: number,
  styles = outlineStyles(sections),
): PlannedSection[] {
  const list = withLevels(sections);
  const section = list[index];
  const text = section?.paragraphs[paragraph];
  if (!section || text === undefined) return [...sections];
  const spans = parseInlineMarkdown(text);
  const candidate = readHeadingCandidate({ kind: 'paragraph', spans, line: 0 });
  const split = splitHeading(candidate ? candidate.rest : spans);
  const created = {
    id: '',
    numbering: '',
    title: split.title,
    order: 0,
    runIn: split.runIn,
    paragraphs: [
      ...(split.lead?.length ? [spansToMarkdown(split.lead)] : []),
      ...section.paragraphs.slice(paragraph + 1),
    ],
    line: section.line,
    level: 'subsection' as Level,
  };
  list.splice(
    index,
    1,
    { ...section, paragraphs: section.paragraphs.slice(0, paragraph) },
    created,
  );
  return renumber(list, styles);
}
