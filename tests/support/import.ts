import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Block } from '../../src/lib/import/blocks.ts';
import { blocksFromTextFile } from '../../src/lib/import/input.ts';
import { type ImportOptions, type ImportPlan, planImport } from '../../src/lib/import/plan.ts';
import { type ImportedReport, parseReport } from '../../src/lib/import/structure.ts';
import { renderReportFiles } from '../../src/node/report-files.ts';

export const IMPORT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

/** Runs the importer on blocks as the command does, without touching the disk. */
export function importBlocks(
  blocks: Block[],
  options: Partial<ImportOptions> = {},
  unit: '行' | '段' = '行',
): { report: ImportedReport; plan: ImportPlan; files: Map<string, string> } {
  const report = parseReport(blocks, { unit });
  const result = planImport(report, {
    agencyId: 'test-agency',
    inputName: 'fixture',
    outDir: 'content/reports',
    ...options,
  });
  if (!result.ok) throw new Error(JSON.stringify(result, null, 2));
  return { report, plan: result.plan, files: renderReportFiles(result.plan) };
}

/** Runs the importer on a file of tests/fixtures/import/. */
export function importFixture(name: string, options: Partial<ImportOptions> = {}) {
  const bytes = readFileSync(path.join(IMPORT_FIXTURES, name));
  const text = blocksFromTextFile(bytes, name.endsWith('.md') ? 'md' : 'txt');
  if (!text) throw new Error(`${name}: encoding not recognised`);
  return { ...importBlocks(text.blocks, options), encoding: text.encoding };
}

/** The tree a plan found, one line per section: id, numbering + title, statutory item for parts. */
export function treeOf(plan: ImportPlan): string[] {
  return plan.sections.map(
    (section) =>
      `${section.parent ? '  ' : ''}${section.id} ${section.numbering}${section.title}${section.runIn ? '。' : ''}` +
      (section.item ? ` [${section.item}${section.itemBasis ? '' : '?'}]` : ''),
  );
}
