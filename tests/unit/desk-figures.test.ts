import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIndicators } from '../../src/data/indicators.ts';
import { folderVersion, readReportPlan } from '../../src/data/report-plan.ts';
import {
  applyFigureChoices,
  figureField,
  readProposedFigures,
} from '../../src/lib/desk/figure-choices.ts';
import { proposedFiguresBlock, proposeFigures } from '../../src/lib/import/figures.ts';
import { saveReportPlan } from '../../src/node/desk/content-writes.ts';
import { renderReportFiles } from '../../src/node/report-files.ts';
import { importFixture } from '../support/import.ts';

const indicators = readIndicators('content/indicators.yml').list;
const base = importFixture('portal-header.txt', { agencyId: 'qingfeng', draft: true }).plan;
// Two sections that state figures the importer recognises.
const plan = {
  ...base,
  sections: base.sections.map((section, index) =>
    index === 0
      ? { ...section, paragraphs: [...section.paragraphs, '全年办理行政复议案件36件。'] }
      : index === 1
        ? { ...section, paragraphs: [...section.paragraphs, '全年发生行政诉讼案件12件。'] }
        : section,
  ),
};
const proposed = proposeFigures(plan.sections, indicators);
const frontmatter = (md: string) =>
  parse(md.slice(4, md.indexOf('\n---\n', 3))) as Record<string, unknown>;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-desk-figures-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('proposed figures in the desk', () => {
  it('reads back the proposals of the block the importer writes', () => {
    expect(proposed.map((f) => f.indicator)).toEqual(['admin-reconsideration', 'admin-litigation']);
    const md = `---\ntitle: 报告\n${proposedFiguresBlock(proposed)}---\n\n正文\n`;
    expect(readProposedFigures(md)).toEqual(proposed.map((f) => ({ ...f, sentence: '' })));
    expect(readProposedFigures('---\ntitle: 报告\n---\n')).toEqual([]);
  });

  it('adds confirmed figures to the list, forgets dropped ones and keeps undecided ones', () => {
    const form = (choices: Record<string, string>) => (name: string) => choices[name];
    const one = applyFigureChoices(plan.data, proposed, form({ [figureField(0)]: 'confirm' }));
    expect(one.data['figures']).toEqual([
      { indicator: 'admin-reconsideration', value: 36, section: proposed[0]!.section },
    ]);
    expect(one.proposed).toEqual([proposed[1]]);
    // draft stays last, as the importer writes it.
    expect(Object.keys(one.data).at(-1)).toBe('draft');
    const dropped = applyFigureChoices(plan.data, proposed, form({ [figureField(1)]: 'drop' }));
    expect(dropped.data).toBe(plan.data);
    expect(dropped.proposed).toEqual([proposed[0]]);
    const neither = applyFigureChoices(plan.data, proposed, form({ [figureField(0)]: 'bogus' }));
    expect(neither.proposed).toEqual(proposed);
  });

  it('saves confirmed figures as the report’s figures and the rest as the 请核对 block', async () => {
    const reportsDir = path.join(scratch, 'reports');
    const outDir = path.join(scratch, 'dist');
    const choice = applyFigureChoices(plan.data, proposed, (name) =>
      name === figureField(1) ? 'confirm' : undefined,
    );
    await saveReportPlan({
      reportsDir,
      outDir,
      plan: { ...plan, data: choice.data },
      proposedFigures: choice.proposed,
    });
    const dir = path.join(reportsDir, plan.folder);
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(frontmatter(md)['figures']).toEqual([
      { indicator: 'admin-litigation', value: 12, section: proposed[1]!.section },
    ]);
    expect(md).toContain('# 请核对：以下关键数据');
    expect(readProposedFigures(md).map((f) => f.indicator)).toEqual(['admin-reconsideration']);

    // Saved again with the last one dropped: no block is left, the confirmed figure stays.
    const again = readReportPlan(dir)!;
    const last = applyFigureChoices(again.data, readProposedFigures(md), (name) =>
      name === figureField(0) ? 'drop' : undefined,
    );
    await saveReportPlan({
      reportsDir,
      outDir,
      plan: { ...again, data: last.data },
      proposedFigures: last.proposed,
      expectedVersion: folderVersion(dir),
    });
    const saved = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(saved).not.toContain('# figures:');
    expect(saved).toBe(renderReportFiles({ ...again, data: last.data }).get('report.md'));
    expect(frontmatter(saved)['figures']).toEqual(frontmatter(md)['figures']);
  });
});
