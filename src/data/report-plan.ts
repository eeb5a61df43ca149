import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { ImportPlan, PlannedSection } from '../lib/import/plan.ts';
import { STATUTORY_ITEMS, type StatutoryItem } from '../schemas/section.ts';
import { latestEdition, withdrawalOf } from '../lib/editions/record.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { readRecord } from './editions.ts';

/**
 * A report folder read back into the importer's plan, so that the desk edits and writes a
 * report with the same renderer the importer uses (src/node/report-files.ts): what the desk
 * saves is what `npm run import` would have written. Comments the importer left (请核对) are
 * kept with their fields.
 */

const SECTION_FILE = /^s[1-9][0-9]*(?:-[1-9][0-9]*)?\.md$/;

/** Markdown body → paragraphs (blocks separated by blank lines). */
export function bodyParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block !== '');
}

function readFile(file: string): { doc: Document; body: string } | undefined {
  const parts = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!parts) return undefined;
  return { doc: parseDocument(parts.frontmatter), body: parts.body };
}

function commentOf(doc: Document, field: string): string | undefined {
  const node = doc.getIn(field.split('.'), true);
  return isScalar(node) && node.comment ? node.comment.trim() : undefined;
}

/** The files of a report folder that the desk reads and writes: report.md and section files. */
export function reportFileNames(folderPath: string): string[] {
  return readdirSync(folderPath)
    .filter((name) => name === 'report.md' || SECTION_FILE.test(name))
    .sort();
}

/**
 * A stamp of a folder's files: the desk puts it in the form and refuses to save over a folder
 * whose stamp changed since (another desk or an editor saved in between).
 */
export function folderVersion(folderPath: string): string {
  const hash = createHash('sha256');
  for (const name of reportFileNames(folderPath)) {
    hash.update(name);
    hash.update(readFileSync(path.join(folderPath, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The plan of a report folder, or undefined when report.md has no frontmatter to read. */
export function readReportPlan(folderPath: string): ImportPlan | undefined {
  const report = readFile(path.join(folderPath, 'report.md'));
  if (!report || !isMap(report.doc.contents)) return undefined;
  const data = report.doc.toJS() as Record<string, unknown>;
  const comments: Record<string, string> = {};
  for (const field of ['agency.name', 'agency.shortName', 'summary']) {
    const comment = commentOf(report.doc, field);
    if (comment) comments[field] = comment;
  }
  const sections: PlannedSection[] = [];
  for (const name of reportFileNames(folderPath).filter((each) => each !== 'report.md')) {
    const file = readFile(path.join(folderPath, name));
    if (!file || !isMap(file.doc.contents)) continue;
    const front = file.doc.toJS() as Record<string, unknown>;
    const item = STATUTORY_ITEMS.includes(front['item'] as StatutoryItem)
      ? (front['item'] as StatutoryItem)
      : undefined;
    const itemComment = commentOf(file.doc, 'item');
    const MODELLED = ['id', 'numbering', 'title', 'order', 'parent', 'item', 'runIn'];
    const extra = Object.fromEntries(
      Object.entries(front).filter(([key]) => !MODELLED.includes(key)),
    );
    sections.push({
      id: String(front['id'] ?? name.replace(/\.md$/, '')),
      numbering: String(front['numbering'] ?? ''),
      title: String(front['title'] ?? ''),
      order: Number(front['order'] ?? 0),
      ...(front['parent'] !== undefined ? { parent: String(front['parent']) } : {}),
      ...(item !== undefined ? { item } : {}),
      ...(itemComment !== undefined ? { itemComment } : {}),
      runIn: front['runIn'] === true,
      ...(Object.keys(extra).length ? { extra } : {}),
      paragraphs: bodyParagraphs(file.body),
      line: 1,
    });
  }
  // Files in reading order: parts by order, each followed by its subsections.
  const parts = sections.filter((s) => s.parent === undefined).sort((a, b) => a.order - b.order);
  const ordered = parts.flatMap((part) => [
    part,
    ...sections.filter((s) => s.parent === part.id).sort((a, b) => a.order - b.order),
  ]);
  const orphans = sections.filter((s) => !ordered.includes(s));
  return {
    folder: path.basename(folderPath),
    data,
    preamble: bodyParagraphs(report.body),
    header: (report.doc.commentBefore ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    comments,
    origins: {},
    notes: [],
    draft: data['draft'] === true,
    missing: [],
    sections: [...ordered, ...orphans],
  };
}

/** A report in the desk's list: where it stands, read from its report.md alone. */
export interface ReportListing {
  folder: string;
  year?: number;
  agency?: string;
  title?: string;
  published?: string;
  state: 'draft' | 'published' | 'corrected' | 'withdrawn' | 'unreadable';
  /** The latest edition's number, once published with a record (npm run publish-report). */
  edition?: number;
}

/** Where a published report stands by its edition record: corrected, withdrawn, or as first published. */
export function publishedState(folderPath: string): {
  state: 'published' | 'corrected' | 'withdrawn';
  edition?: number;
} {
  const { record } = readRecord(folderPath);
  if (!record) return { state: 'published' };
  const edition = latestEdition(record).edition;
  if (withdrawalOf(record)) return { state: 'withdrawn', edition };
  return { state: edition > 1 ? 'corrected' : 'published', edition };
}

/** Every report folder under `reportsDir`, newest year first. */
export function listReports(reportsDir: string): ReportListing[] {
  let entries;
  try {
    entries = readdirSync(reportsDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const list: ReportListing[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    let data: Record<string, unknown> | undefined;
    try {
      const file = readFile(path.join(reportsDir, entry.name, 'report.md'));
      data =
        file && isMap(file.doc.contents) ? (file.doc.toJS() as Record<string, unknown>) : undefined;
    } catch {
      data = undefined;
    }
    if (!data) {
      list.push({ folder: entry.name, state: 'unreadable' });
      continue;
    }
    const agency = data['agency'] as { shortName?: unknown; name?: unknown } | undefined;
    list.push({
      folder: entry.name,
      ...(typeof data['year'] === 'number' ? { year: data['year'] } : {}),
      ...(agency ? { agency: String(agency.shortName ?? agency.name ?? '') } : {}),
      ...(typeof data['title'] === 'string' ? { title: data['title'] } : {}),
      ...(typeof data['published'] === 'string' ? { published: data['published'] } : {}),
      ...(data['draft'] === true
        ? { state: 'draft' as const }
        : publishedState(path.join(reportsDir, entry.name))),
    });
  }
  return list.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.folder.localeCompare(b.folder));
}
