import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderVersion, readReportPlan } from '../../src/data/report-plan.ts';
import { saveReportPlan, SaveRefused } from '../../src/node/desk/content-writes.ts';
import { withBuildLock } from '../../src/node/publish.ts';
import { renderReportFiles } from '../../src/node/report-files.ts';
import { importFixture } from '../support/import.ts';

let scratch: string;
let reportsDir: string;
let outDir: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-desk-writes-'));
  reportsDir = path.join(scratch, 'content', 'reports');
  outDir = path.join(scratch, 'dist');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const { plan } = importFixture('portal-header.txt', { agencyId: 'qingfeng', draft: true });

describe('desk writes', () => {
  it('writes the files the importer renders, and reads them back into the same plan', async () => {
    await saveReportPlan({ reportsDir, outDir, plan });
    const dir = path.join(reportsDir, plan.folder);
    const files = renderReportFiles(plan);
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    const again = readReportPlan(dir)!;
    expect(renderReportFiles(again)).toEqual(files);
  });

  it('keeps section fields the form does not show (aliases) when a report is saved again', async () => {
    const withAlias = {
      ...plan,
      sections: plan.sections.map((s) =>
        s.id === 's1' ? { ...s, extra: { aliases: ['old-s1'] } } : s,
      ),
    };
    await saveReportPlan({ reportsDir, outDir, plan: withAlias });
    const dir = path.join(reportsDir, plan.folder);
    const again = readReportPlan(dir)!;
    expect(again.sections[0]!.extra).toEqual({ aliases: ['old-s1'] });
    await saveReportPlan({ reportsDir, outDir, plan: again, expectedVersion: folderVersion(dir) });
    expect(readFileSync(path.join(dir, 's1.md'), 'utf8')).toContain('aliases:\n  - old-s1');
  });

  it('lets only one of two desks saving the same form at once succeed', async () => {
    const version = await saveReportPlan({ reportsDir, outDir, plan });
    const edit = (summary: string) =>
      saveReportPlan({
        reportsDir,
        outDir,
        plan: { ...plan, data: { ...plan.data, summary } },
        expectedVersion: version,
      }).then(
        () => 'saved',
        (error: SaveRefused) => error.reason,
      );
    const results = await Promise.all([edit('甲的简介。'), edit('乙的简介。')]);
    expect(results.filter((result) => result === 'saved')).toHaveLength(1);
    expect(results.filter((result) => result !== 'saved')[0]).toMatch(/^(busy|changed)$/);
  });

  it('refuses to replace a folder that exists unless asked', async () => {
    await saveReportPlan({ reportsDir, outDir, plan });
    await expect(saveReportPlan({ reportsDir, outDir, plan })).rejects.toEqual(
      new SaveRefused('exists'),
    );
    await saveReportPlan({ reportsDir, outDir, plan, replace: true });
  });

  it('refuses to save over a folder changed since the form was made (another desk)', async () => {
    const version = await saveReportPlan({ reportsDir, outDir, plan });
    const edited = { ...plan, data: { ...plan.data, summary: '第一个编辑台的简介。' } };
    const next = await saveReportPlan({
      reportsDir,
      outDir,
      plan: edited,
      expectedVersion: version,
    });
    expect(next).toBe(folderVersion(path.join(reportsDir, plan.folder)));
    await expect(
      saveReportPlan({ reportsDir, outDir, plan, expectedVersion: version }),
    ).rejects.toEqual(new SaveRefused('changed'));
    expect(readFileSync(path.join(reportsDir, plan.folder, 'report.md'), 'utf8')).toContain(
      '第一个编辑台的简介。',
    );
  });

  it('does not write while a build holds the lock, and leaves no temporary file', async () => {
    const version = await saveReportPlan({ reportsDir, outDir, plan });
    const edited = { ...plan, data: { ...plan.data, summary: '改过的简介。' } };
    let refused: unknown;
    await withBuildLock(outDir, async () => {
      refused = await saveReportPlan({
        reportsDir,
        outDir,
        plan: edited,
        expectedVersion: version,
      }).catch((error: unknown) => error);
    });
    expect(refused).toEqual(new SaveRefused('busy'));
    await saveReportPlan({ reportsDir, outDir, plan: edited, expectedVersion: version });
    expect(
      readdirSync(path.join(reportsDir, plan.folder)).filter((n) => n.startsWith('.')),
    ).toEqual([]);
  });

  it('removes the files of sections no longer in the report', async () => {
    const version = await saveReportPlan({ reportsDir, outDir, plan });
    const fewer = { ...plan, sections: plan.sections.filter((s) => s.id !== 's3-2') };
    await saveReportPlan({ reportsDir, outDir, plan: fewer, expectedVersion: version });
    expect(existsSync(path.join(reportsDir, plan.folder, 's3-2.md'))).toBe(false);
    expect(existsSync(path.join(reportsDir, plan.folder, 's3-1.md'))).toBe(true);
  });

  it('writes nothing for a folder name that could leave content/reports', async () => {
    await expect(
      saveReportPlan({ reportsDir, outDir, plan: { ...plan, folder: '../escape' } }),
    ).rejects.toEqual(new SaveRefused('path'));
    expect(existsSync(path.join(scratch, 'content', 'escape'))).toBe(false);
  });
});
