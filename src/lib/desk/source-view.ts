import { joinHeading } from '../content/numbering.ts';
import { type Block, blockText } from '../import/blocks.ts';
import { readDate } from '../import/dates.ts';
import { readMetadataLine } from '../import/metadata.ts';
import type { ImportPlan } from '../import/plan.ts';
import type { ImportedReport } from '../import/structure.ts';

/**
 * What the importer made of each line of a release, for the desk's side-by-side view: the
 * source text line by line, each with its role (title, metadata, heading, text, 落款) and, for
 * a line not imported, the reason. Computed from the importer's own result; nothing is parsed
 * a second way.
 */

export type SourceRole =
  'title' | 'metadata' | 'heading' | 'text' | 'signature' | 'dropped' | 'preamble';

export interface SourceRow {
  line: number;
  text: string;
  role: SourceRole;
  /** The section a heading line starts, or the one a text line belongs to. */
  sectionId?: string;
  /** Why the line (or part of it) is not imported, in Chinese. */
  notImported?: string;
}

export interface FoundField {
  /** The field path in report.md, e.g. agency.name. */
  field: string;
  value: string;
  /** Where it came from, in the importer's words. */
  origin?: string;
  /** The source line it was read from, when it was read from one. */
  line?: number;
}

const REASON_METADATA = (pairs: string[]) => `网页信息 ${pairs.join('、')}：不是报告信息，不导入`;

export function sourceRows(
  blocks: readonly Block[],
  report: ImportedReport,
  plan: ImportPlan,
): SourceRow[] {
  // The importer says which lines it skipped and why; a metadata line is skipped once read.
  const skipped = new Map(report.skipped.map((line) => [line.line, line]));
  const headingAt = new Map(plan.sections.map((section) => [section.line, section]));
  const bare = (text: string) => text.replace(/^《(.*)》$/, '$1');
  const titleLine = blocks.find((block) => {
    const text = bare(blockText(block));
    return text !== '' && report.title.length > 0 && report.title.startsWith(text);
  })?.line;
  const signatureLines = signatureRows(blocks, report);
  let current: string | undefined;
  return blocks.map((block): SourceRow => {
    const text = blockText(block);
    const row = { line: block.line, text };
    const skip = skipped.get(block.line);
    if (skip) {
      // Read for its fields (来源, 发布时间 …), not dropped: shown as the release's metadata.
      const metadata = /发布信息|转载说明/.test(skip.reason) ? readMetadataLine(text) : undefined;
      if (metadata)
        return {
          ...row,
          role: 'metadata',
          ...(metadata.other.length ? { notImported: REASON_METADATA(metadata.other) } : {}),
        };
      return { ...row, role: 'dropped', notImported: skip.reason };
    }
    const heading = headingAt.get(block.line);
    if (heading) {
      current = heading.id;
      return { ...row, role: 'heading', sectionId: heading.id };
    }
    if (current === undefined) {
      if (block.kind === 'paragraph' && (titleLine === undefined || block.line <= titleLine + 3)) {
        const metadata = readMetadataLine(text);
        if (metadata)
          return {
            ...row,
            role: 'metadata',
            ...(metadata.other.length ? { notImported: REASON_METADATA(metadata.other) } : {}),
          };
      }
      if (
        titleLine !== undefined &&
        block.line <= titleLine + 1 &&
        report.title.includes(bare(text))
      )
        return { ...row, role: 'title' };
      return { ...row, role: 'preamble' };
    }
    if (signatureLines.has(block.line)) return { ...row, role: 'signature' };
    return { ...row, role: 'text', sectionId: current };
  });
}

/** Lines of the 落款: the last one or two paragraphs, when the importer found one. */
function signatureRows(blocks: readonly Block[], report: ImportedReport): Set<number> {
  const lines = new Set<number>();
  const signature = report.signature;
  if (!signature) return lines;
  const skipped = new Set(report.skipped.map((line) => line.line));
  const tail = blocks.filter((block) => !skipped.has(block.line)).slice(-2);
  for (const block of tail) {
    const text = blockText(block);
    if (
      (signature.body !== undefined && text.startsWith(signature.body)) ||
      (signature.date !== undefined && readDate(text)?.date === signature.date && text.length < 40)
    )
      lines.add(block.line);
  }
  return lines;
}

/** The values the importer found for report.md, with the line each was read from. */
export function foundFields(
  blocks: readonly Block[],
  rows: readonly SourceRow[],
  plan: ImportPlan,
): FoundField[] {
  const data = plan.data as {
    title?: string;
    agency?: { name?: string; shortName?: string };
    year?: number;
    published?: string;
    signature?: { body?: string; date?: string };
    summary?: string;
    source?: string;
    indexNumber?: string;
    documentNumber?: string;
  };
  const lineOf = (role: SourceRole, test: (text: string) => boolean) =>
    rows.find((row) => row.role === role && test(row.text))?.line;
  const containing = (value: string | undefined) => (text: string) =>
    value !== undefined && text.includes(value);
  const titleLine = lineOf('title', () => true);
  const signatureDateLine = lineOf(
    'signature',
    (text) => readDate(text.slice(-20))?.date === data.signature?.date,
  );
  const out: FoundField[] = [];
  const add = (field: string, value: unknown, line?: number) => {
    if (value === undefined || value === '') return;
    const origin = plan.origins[field];
    out.push({
      field,
      value: String(value),
      ...(origin ? { origin } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  };
  add('title', data.title, titleLine);
  add('year', data.year, plan.origins['year'] === '取自标题' ? titleLine : undefined);
  const nameOrigin = plan.origins['agency.name'] ?? '';
  add(
    'agency.name',
    data.agency?.name,
    nameOrigin.includes('落款')
      ? lineOf('signature', containing(data.agency?.name))
      : nameOrigin.includes('发布机构')
        ? lineOf('metadata', containing(data.agency?.name))
        : nameOrigin.includes('标题')
          ? titleLine
          : undefined,
  );
  add(
    'agency.shortName',
    data.agency?.shortName,
    plan.origins['agency.shortName']?.includes('标题') ? titleLine : undefined,
  );
  add(
    'published',
    data.published,
    lineOf('metadata', (text) => readMetadataLine(text)?.published === data.published),
  );
  add('source', data.source, lineOf('metadata', containing(data.source)));
  add('indexNumber', data.indexNumber, lineOf('metadata', containing(data.indexNumber)));
  add('documentNumber', data.documentNumber, lineOf('metadata', containing(data.documentNumber)));
  add(
    'signature.body',
    data.signature?.body,
    lineOf('signature', containing(data.signature?.body)),
  );
  add('signature.date', data.signature?.date, signatureDateLine);
  add(
    'summary',
    data.summary,
    lineOf(
      'preamble',
      (text) => text.length > 0 && (data.summary ?? '').startsWith(text.slice(0, 10)),
    ),
  );
  void blocks;
  return out;
}

/** A section's heading as the form and source view show it. */
export const headingOf = (section: { numbering: string; title: string }) =>
  joinHeading(section.numbering, section.title);
