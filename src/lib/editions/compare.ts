import { paragraphId, parseParagraphId } from '../addresses/ids.ts';
import type { Change, ShownSection, ShownText, Unit } from '../../schemas/editions.ts';
import { similarity } from './diff.ts';
import { type BodyUnit, headUnitId, isHeadUnit } from './shown.ts';

/**
 * Compares the latest recorded edition with the files as they are now. Paragraph ids never
 * shift: an unchanged paragraph keeps its id wherever it moved, a reworded one keeps it too,
 * and a new paragraph takes the next number never used in its section, so a link cited from
 * any edition lands on the same paragraph.
 */

/** A section as the files hold it now: its units are not yet given ids. */
export interface CurrentSection {
  id: string;
  file: string;
  heading: Record<string, string>;
  units: BodyUnit[];
}

export interface CurrentText {
  fields: Record<string, string>;
  sections: CurrentSection[];
}

/** One difference, located in the files, for messages. */
export interface Difference {
  file: string;
  /** Line in the body (from 1) of the unit, when it is text. */
  bodyLine?: number;
  /** The field (title, agency.name …) or the paragraph id. */
  where: string;
  kind: 'field' | 'heading' | 'unit' | 'section' | 'order';
  before?: string;
  after?: string;
}

export interface Comparison {
  /** The text of the files with ids given, ready to become the latest edition. */
  text: ShownText;
  /** What changed, as the record keeps it. */
  changes: Change[];
  differences: Difference[];
}

/** Paragraphs less alike than this are one removed and one added, not one reworded. */
const REWORDED = 0.4;

/**
 * Pairs the old units with the new: the longest run of identical units first, then, in each gap,
 * the reworded ones by similarity, keeping order. Returns for each new unit the old index or -1.
 */
export function alignUnits(
  old: readonly { md: string; paragraph: boolean }[],
  now: readonly { md: string; paragraph: boolean }[],
): number[] {
  const n = old.length;
  const m = now.length;
  const same = (i: number, j: number) =>
    old[i]!.md === now[j]!.md && old[i]!.paragraph === now[j]!.paragraph;
  // Longest common subsequence of identical units.
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = same(i, j)
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const match = new Array<number>(m).fill(-1);
  const anchors: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(i, j)) {
      anchors.push([i, j]);
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i += 1;
    else j += 1;
  }
  anchors.push([n, m]);
  let [pi, pj] = [0, 0];
  for (const [ai, aj] of anchors) {
    pairGap(old, now, pi, ai, pj, aj, match);
    if (ai < n) match[aj] = ai;
    [pi, pj] = [ai + 1, aj + 1];
  }
  return match;
}

/** In a gap between identical units, pairs reworded units in order, most alike overall. */
function pairGap(
  old: readonly { md: string; paragraph: boolean }[],
  now: readonly { md: string; paragraph: boolean }[],
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  match: number[],
) {
  const n = i1 - i0;
  const m = j1 - j0;
  if (!n || !m) return;
  const score = (i: number, j: number) => {
    if (old[i0 + i]!.paragraph !== now[j0 + j]!.paragraph) return 0;
    const s = similarity(old[i0 + i]!.md, now[j0 + j]!.md);
    return s >= REWORDED ? s : 0;
  };
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const scores = Array.from({ length: n }, (_, i) =>
    Array.from({ length: m }, (_, j) => score(i, j)),
  );
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      best[i]![j] = Math.max(
        best[i + 1]![j]!,
        best[i]![j + 1]!,
        scores[i]![j]! > 0 ? scores[i]![j]! + best[i + 1]![j + 1]! : 0,
      );
  for (let i = 0, j = 0; i < n && j < m;) {
    const s = scores[i]![j]!;
    if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
      match[j0 + j] = i0 + i;
      i += 1;
      j += 1;
    } else if (best[i]![j] === best[i + 1]![j]) i += 1;
    else j += 1;
  }
}

/** The highest paragraph number a section has ever used, in any edition. */
export function highestParagraph(section: string, ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const parsed = parseParagraphId(id);
    if (parsed && parsed.prefix === section) highest = Math.max(highest, parsed.n);
  }
  return highest;
}

/** Every unit id a section has had, from the latest text and the recorded changes. */
export function idsEverUsed(latest: ShownText, history: readonly Change[]): string[] {
  const ids: string[] = latest.sections.flatMap((section) => section.units.map(([id]) => id));
  for (const change of history) {
    if (change.type === 'unit') ids.push(change.id);
    if (change.type === 'order') ids.push(...change.old);
    if (change.type === 'section' && change.old) ids.push(...change.old.units.map(([id]) => id));
  }
  return ids;
}

function unitsOf(section: ShownSection) {
  return section.units.map(([id, md]) => ({ id, md, paragraph: !isHeadUnit(id) }));
}

/**
 * Compares the latest edition with the current files: the differences (for the check's
 * messages), and the changes and new text a correction records.
 */
export function compareText(
  latest: ShownText,
  current: CurrentText,
  history: readonly Change[] = [],
): Comparison {
  const changes: Change[] = [];
  const differences: Difference[] = [];
  const reportFile = current.sections[0]?.file ?? latest.sections[0]?.file ?? 'report.md';
  const fieldNames = new Set([...Object.keys(latest.fields), ...Object.keys(current.fields)]);
  for (const field of fieldNames) {
    const before = latest.fields[field];
    const after = current.fields[field];
    if (before === after) continue;
    changes.push({ type: 'field', field, ...opt('old', before), ...opt('new', after) });
    differences.push({
      file: reportFile,
      where: field,
      kind: 'field',
      ...opt('before', before),
      ...opt('after', after),
    });
  }
  const used = idsEverUsed(latest, history);
  const latestById = new Map(latest.sections.map((section) => [section.id, section]));
  const sections: ShownSection[] = [];
  for (const now of current.sections) {
    const was = latestById.get(now.id);
    if (!was) {
      changes.push({ type: 'section', section: now.id });
      differences.push({
        file: now.file,
        where: now.id,
        kind: 'section',
        after: now.units[0]?.md ?? '',
      });
    } else {
      for (const field of new Set([...Object.keys(was.heading), ...Object.keys(now.heading)])) {
        const before = was.heading[field];
        const after = now.heading[field];
        if (before === after) continue;
        changes.push({
          type: 'heading',
          section: now.id,
          field,
          ...opt('old', before),
          ...opt('new', after),
        });
        differences.push({
          file: now.file,
          where: field,
          kind: 'heading',
          ...opt('before', before),
          ...opt('after', after),
        });
      }
    }
    const oldUnits = was ? unitsOf(was) : [];
    const match = alignUnits(oldUnits, now.units);
    let next = highestParagraph(now.id, used) + 1;
    const units: Unit[] = now.units.map((unit, j) => {
      const i = match[j]!;
      if (i >= 0) return [oldUnits[i]!.id, unit.md];
      return [
        unit.paragraph
          ? paragraphId(now.id === 'intro' ? undefined : now.id, next++)
          : headUnitId(now.id),
        unit.md,
      ];
    });
    if (was) {
      const kept = new Set(match.filter((i) => i >= 0));
      units.forEach(([id, md], j) => {
        const i = match[j]!;
        const before = i >= 0 ? oldUnits[i]!.md : undefined;
        if (before === md) return;
        changes.push({ type: 'unit', section: now.id, id, ...opt('old', before), new: md });
        differences.push({
          file: now.file,
          bodyLine: now.units[j]!.line,
          where: id,
          kind: 'unit',
          ...opt('before', before),
          after: md,
        });
      });
      oldUnits.forEach((unit, i) => {
        if (kept.has(i)) return;
        changes.push({ type: 'unit', section: now.id, id: unit.id, old: unit.md });
        differences.push({ file: now.file, where: unit.id, kind: 'unit', before: unit.md });
      });
      const oldOrder = oldUnits.map((unit) => unit.id);
      if (oldOrder.join('\n') !== units.map(([id]) => id).join('\n'))
        changes.push({ type: 'order', section: now.id, old: oldOrder });
    }
    sections.push({ id: now.id, file: now.file, heading: now.heading, units });
  }
  const currentIds = new Set(current.sections.map((section) => section.id));
  for (const was of latest.sections) {
    if (currentIds.has(was.id)) continue;
    changes.push({ type: 'section', section: was.id, old: was });
    differences.push({
      file: was.file,
      where: was.id,
      kind: 'section',
      before: was.units[0]?.[1] ?? '',
    });
  }
  const oldOrder = latest.sections.map((section) => section.id);
  if (oldOrder.join('\n') !== sections.map((section) => section.id).join('\n')) {
    changes.push({ type: 'sections', old: oldOrder });
    if (!differences.length)
      differences.push({ file: reportFile, where: '（章节顺序）', kind: 'order' });
  }
  return { text: { fields: current.fields, sections }, changes, differences };
}

const opt = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

/** The text before a correction, from the text after it and what it changed. */
export function undoChanges(after: ShownText, changes: readonly Change[]): ShownText {
  const fields = { ...after.fields };
  const sections = new Map(after.sections.map((section) => [section.id, structuredClone(section)]));
  let order = after.sections.map((section) => section.id);
  for (const change of changes) {
    if (change.type === 'field') {
      if (change.old === undefined) delete fields[change.field];
      else fields[change.field] = change.old;
    } else if (change.type === 'section') {
      if (change.old) sections.set(change.section, structuredClone(change.old));
      else sections.delete(change.section);
    } else if (change.type === 'sections') order = [...change.old];
  }
  for (const change of changes) {
    if (change.type === 'heading') {
      const section = sections.get(change.section);
      if (!section) continue;
      if (change.old === undefined) delete section.heading[change.field];
      else section.heading[change.field] = change.old;
    }
  }
  const unitChanges = Map.groupBy(
    changes.filter((change) => change.type === 'unit' || change.type === 'order'),
    (change) => (change as { section: string }).section,
  );
  for (const [id, list] of unitChanges) {
    const section = sections.get(id);
    if (!section) continue;
    const text = new Map(section.units);
    let ids = section.units.map(([unit]) => unit);
    for (const change of list) {
      if (change.type === 'order') ids = [...change.old];
      else if (change.type === 'unit') {
        if (change.old === undefined) text.delete(change.id);
        else text.set(change.id, change.old);
      }
    }
    section.units = ids.filter((unit) => text.has(unit)).map((unit) => [unit, text.get(unit)!]);
  }
  return {
    fields,
    sections: order.flatMap((id) => {
      const section = sections.get(id);
      return section ? [section] : [];
    }),
  };
}
