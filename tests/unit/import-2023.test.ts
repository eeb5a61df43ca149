import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import { blocksFromTextFile } from '../../src/lib/import/input.ts';
import { proposeFigures } from '../../src/lib/import/figures.ts';
import { readIndicators } from '../../src/data/indicators.ts';
import { importBlocks, treeOf } from '../support/import.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(ROOT, 'content/sources/2023-jiading-police-rule-of-law.txt');
const CONTENT = path.join(ROOT, 'content/reports/2023-jiading-police');

const read = (content: string) => {
  const parts = splitFrontmatter(content)!;
  return { data: parse(parts.frontmatter) as Record<string, unknown>, body: parts.body };
};

describe('importing the released 2023 text', () => {
  const text = blocksFromTextFile(readFileSync(SOURCE), 'txt')!;
  const { report, plan, files } = importBlocks(text.blocks, { agencyId: 'jiading-police' });

  it('reads title, publication date, year, signature and the dropped caption', () => {
    expect(text.encoding).toBe('UTF-8');
    expect(report.title).toBe('嘉定公安分局2023年法治政府建设情况');
    expect(report.year).toBe(2023);
    expect(report.metadata.published).toBe('2024-03-22');
    expect(report.signature).toEqual({ body: '上海市公安局嘉定分局', date: '2024-03-22' });
    expect(report.skipped.map(({ text, reason }) => `${text}：${reason}`)).toEqual([
      '发布日期:2024-03-22：网页上的发布信息，已读取其中的字段',
      '扫一扫在手机打开当前页：网页上的导航或按钮',
    ]);
  });

  it('finds three parts, guesses their statutory items, and keeps 一是…二是… as text', () => {
    expect(treeOf(plan)).toEqual([
      's1 一、2023年工作成效 [主要举措和成效]',
      '  s1-1 (一)深入学习宣传贯彻党的二十大精神和习近平法治思想,从高站位引领法治公安建设',
      '  s1-2 (二)从严打击违法犯罪,用法治力量和手段守护人民美好生活',
      '  s1-3 (三)深入推进法治公安建设,确保执法效果的“三个统一”',
      '  s1-4 (四)深化公安“放管服”改革,持续优化公安法治营商环境',
      's2 二、工作中存在的不足 [存在的不足和原因]',
      's3 三、下步工作打算 [下一年度主要安排]',
      '  s3-1 (一)狠抓法治理念教育。',
      '  s3-2 (二)提升执法水平能力。',
      '  s3-3 (三)强化执法监督制约。',
      '  s3-4 (四)持续深化“放管服”改革。',
    ]);
    expect(report.parts[1]!.paragraphs).toHaveLength(1);
    expect(report.parts[1]!.paragraphs[0]).toMatch(/^一是.*二是/);
  });

  it('writes every file of the committed report, text-identical, with the same frontmatter', () => {
    expect([...files.keys()].sort()).toEqual(
      ['report.md', ...plan.sections.map((section) => `${section.id}.md`)].sort(),
    );
    for (const [name, content] of files) {
      const committed = read(readFileSync(path.join(CONTENT, name), 'utf8'));
      const imported = read(content);
      expect(imported.body, name).toBe(committed.body);
      // The summary was written by an editor, who also confirmed the proposed figures;
      // everything else the importer derives.
      const fields = { ...committed.data };
      delete fields['summary'];
      delete fields['figures'];
      expect(imported.data, name).toMatchObject(fields);
    }
  });

  it('proposes exactly the figures the editor confirmed in the committed report', () => {
    const committed = read(readFileSync(path.join(CONTENT, 'report.md'), 'utf8')).data;
    const proposed = proposeFigures(
      plan.sections,
      readIndicators(path.join(ROOT, 'content/indicators.yml')).list,
    );
    expect(
      proposed.map(({ indicator, value, section }) => ({ indicator, value, section })),
    ).toEqual(committed['figures']);
  });

  it('marks what it guessed in YAML comments for the editor', () => {
    expect(files.get('s1.md')).toContain('item: 主要举措和成效 # 按标题中的“成效”推测，请核对');
    expect(files.get('report.md')).toContain('shortName: 嘉定公安分局 # 由标题推得，请核对');
    expect(plan.draft).toBe(false);
  });
});
