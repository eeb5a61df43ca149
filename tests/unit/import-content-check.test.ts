import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { publishAll } from '../../src/node/editions.ts';
import type { Block } from '../../src/lib/import/blocks.ts';
import { type ImportOptions, planImport } from '../../src/lib/import/plan.ts';
import { parseReport } from '../../src/lib/import/structure.ts';
import { readDocx } from '../../src/node/docx.ts';
import { renderReportFiles } from '../../src/node/report-files.ts';
import { blocksFromTextFile } from '../../src/lib/import/input.ts';
import {
  blocksOf,
  type Form,
  type ImporterModules,
  REAL_CASES,
  REAL_FIXTURES,
  SAMPLE_CASES,
  SAMPLE_FIXTURES,
} from '../support/import-catalogue.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const scratch = mkdtempSync(path.join(tmpdir(), 'fz-import-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const modules = { blocksFromTextFile, readDocx } as unknown as ImporterModules;

/**
 * Imports every report of the catalogue, in the given form, into a scratch content folder (one
 * agency id each), as `npm run import` writes it; `published` turns each draft into a report.
 */
async function importAll(dir: string, form: Form, published?: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (const [folder, cases] of [
    [REAL_FIXTURES, REAL_CASES],
    [SAMPLE_FIXTURES, SAMPLE_CASES],
  ] as const)
    for (const entry of cases) {
      if (entry.expected.kind === 'refused') continue;
      const bytes = new Uint8Array(readFileSync(path.join(folder, entry.file)));
      const { blocks, unit } = await blocksOf(modules, bytes, form);
      const options: ImportOptions = {
        agencyId: `case-${++count}`,
        inputName: entry.file,
        outDir: dir,
        ...(entry.expected.kind === 'needs' ? entry.expected.options : {}),
        ...(published ? { published } : {}),
      };
      const result = planImport(parseReport(blocks as Block[], { unit }), options);
      if (!result.ok) throw new Error(`${entry.file}: ${JSON.stringify(result)}`);
      const target = path.join(dir, result.plan.folder);
      mkdirSync(target);
      for (const [name, text] of renderReportFiles(result.plan))
        writeFileSync(path.join(target, name), text);
    }
  return count;
}

/**
 * Runs `npm run check:content -- --dir <dir>` as a publisher would, once the finished reports
 * are published (`npm run publish-report -- --all`: a published report needs its first edition).
 */
async function checkContent(dir: string): Promise<{ code: number; out: string }> {
  await publishAll({ reportsDir: dir, cwd: ROOT });
  try {
    const { stdout } = await promisify(execFile)(NODE, ['tools/check-content.ts', '--dir', dir], {
      cwd: ROOT,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, out: stdout };
  }
}

describe('what the importer writes from real-shaped releases', { timeout: 60_000 }, () => {
  it.each(['text', 'full-width', 'docx'] as const)(
    'passes npm run check:content, as imported from the %s form (drafts where the date is missing)',
    async (form) => {
      const dir = path.join(scratch, form);
      expect(await importAll(dir, form)).toBeGreaterThan(20);
      const { code, out } = await checkContent(dir);
      expect(out).toContain('内容检查：没有错误');
      expect(code).toBe(0);
    },
  );

  it('passes it as published reports once the date is given, …… in released text and all', async () => {
    const dir = path.join(scratch, 'published');
    await importAll(dir, 'text', '2026-03-20');
    const { code, out } = await checkContent(dir);
    expect(out).toContain('内容检查：没有错误');
    expect(out).not.toContain('占位内容');
    expect(code).toBe(0);
  });
});
