import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { correctReport, withdrawReport } from '../../src/node/editions.ts';
import { ROOT } from './dist.ts';

/** The report of tests/fixtures/valid, and the paragraph the scenario cites before correcting. */
export const CORRECTED_REPORT = '2024-test-agency';
export const CITED_PARAGRAPH = 's1-1-p2';
export const REMOVED_PARAGRAPH = 's1-1-p1';
export const INSERTED_TEXT = '补充：本项工作于年底完成。';
export const FIRST_CORRECTION = { date: '2025-02-10', note: '更正第一项举措的表述' };
export const SECOND_CORRECTION = { date: '2025-03-01', note: '补充说明并删去重复的一段' };

/**
 * Copies the valid fixture into `dir` and corrects it twice through the same module the
 * commands use: first rewording the cited paragraph, then inserting a paragraph before it and
 * removing the one before that. Returns the reports folder.
 */
export async function correctedFixture(dir: string): Promise<string> {
  const reportsDir = path.join(dir, 'reports');
  cpSync(path.join(ROOT, 'tests/fixtures/valid'), reportsDir, { recursive: true });
  await correctTwice(reportsDir);
  return reportsDir;
}

/** The two corrections of correctedFixture, on a copy of the valid fixture already in place. */
export async function correctTwice(reportsDir: string): Promise<void> {
  const file = path.join(reportsDir, CORRECTED_REPORT, 's1-1.md');
  const edit = (from: string, to: string) =>
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  const options = { reportsDir, cwd: ROOT, today: '2026-01-01' };
  edit('第二段。', '第二段，已更正。');
  await correctReport(CORRECTED_REPORT, FIRST_CORRECTION.note, {
    ...options,
    date: FIRST_CORRECTION.date,
  });
  edit('第一段。\n', `${INSERTED_TEXT}\n`);
  await correctReport(CORRECTED_REPORT, SECOND_CORRECTION.note, {
    ...options,
    date: SECOND_CORRECTION.date,
  });
}

/** Copies the portal fixture (nine reports) into `dir` and withdraws one of them. */
export async function withdrawnFixture(dir: string, folder: string): Promise<string> {
  const reportsDir = path.join(dir, 'reports');
  cpSync(path.join(ROOT, 'tests/fixtures/portal/reports'), reportsDir, { recursive: true });
  await withdrawReport(folder, '报告数据有误，待核实后重新发布', {
    reportsDir,
    cwd: ROOT,
    date: '2025-06-01',
    today: '2026-01-01',
  });
  return reportsDir;
}
