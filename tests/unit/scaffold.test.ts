import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import { loadContent } from '../../src/data/report-folders.ts';
import { readYaml } from '../../src/data/yaml-positions.ts';
import { reviewContent } from '../../src/lib/content/review.ts';
import { scaffoldReport, shiftYears } from '../../src/lib/content/scaffold.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { sectionSchema } from '../../src/schemas/section.ts';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('scaffoldReport', async () => {
  const { reports, sections } = await loadContent(path.join(ROOT, 'content/reports'), ROOT);
  const previous = reports.find((report) => report.folder === '2023-jiading-police')!;
  const own = sections.filter((section) => section.folder === previous.folder);
  const files = scaffoldReport({ data: previous.data, sections: own }, 2024);
  const parsed = files.map((file) => ({ ...file, ...splitFrontmatter(file.text)! }));

  it('writes a valid draft report.md with the agency names and next year in the title', () => {
    const report = reportSchema.parse(parse(parsed[0]!.frontmatter));
    expect(parsed[0]!.name).toBe('report.md');
    expect(report).toMatchObject({
      title: '嘉定公安分局2024年法治政府建设情况',
      agency: previous.data.agency,
      year: 2024,
      draft: true,
    });
    expect(parsed[0]!.body.trim()).toBe('');
  });

  it('keeps every part with its numbering and statutory item, and no subsection, bodies empty', () => {
    const parts = own.filter((section) => section.data.parent === undefined);
    expect(parsed.slice(1).map((file) => file.name)).toEqual(
      parts.map((part) => `${part.data.id}.md`).sort(),
    );
    for (const file of parsed.slice(1)) {
      const data = sectionSchema.parse(parse(file.frontmatter));
      const before = parts.find((part) => part.data.id === data.id)!;
      expect([data.numbering, data.item, data.order]).toEqual([
        before.data.numbering,
        before.data.item,
        before.data.order,
      ]);
      expect(file.body.trim()).toBe('');
    }
  });

  it('cannot be published by removing draft: true alone: its placeholders become errors', () => {
    const frontmatter = parsed[0]!.frontmatter.replace(/^draft: true$/m, '');
    const data = reportSchema.parse(parse(frontmatter));
    const issues = reviewContent(
      [
        {
          folder: '2024-jiading-police',
          file: 'report.md',
          data,
          body: '',
          comments: readYaml(frontmatter).comments(),
        },
      ],
      [],
    );
    expect(
      issues.filter((issue) => issue.severity === 'error').map((issue) => issue.field),
    ).toEqual(['summary', 'published', 'signature.date']);
  });
});

describe('shiftYears', () => {
  it('moves the reported year and the year after it, leaving other years', () => {
    expect(shiftYears('2023年工作成效和2024年工作打算（2019年以来）', 2023, 2024)).toBe(
      '2024年工作成效和2025年工作打算（2019年以来）',
    );
  });
});
