import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixture } from '../support/catalogue.ts';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import { validateReports } from '../../src/data/report-folders.ts';
import { scratchDir } from '../support/scratch.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures', name);

describe('validateReports', () => {
  it('finds nothing wrong with the real content', async () => {
    expect(await validateReports(path.join(ROOT, 'content/reports'), ROOT)).toEqual([]);
  });

  it('finds nothing wrong with the valid fixture', async () => {
    expect(await validateReports(fixture('valid'), ROOT)).toEqual([]);
  });

  it('reports schema problems with the file path relative to the project', async () => {
    const scratch = scratchDir('fzzf-validate-');
    const dir = makeFixture(path.join(scratch, 'reports'), {
      '2024-test-agency/report.md': (text) =>
        text.replace('published: 2025-02-01', 'published: 2024-02-30'),
    });
    expect(await validateReports(dir, scratch)).toEqual([
      {
        file: 'reports/2024-test-agency/report.md',
        line: 8,
        field: 'published',
        found: '“2024-02-30”',
        expected: expect.stringContaining('YYYY-MM-DD'),
      },
    ]);
  });

  it('reports a missing folder instead of throwing', async () => {
    const issues = await validateReports(fixture('no-such-folder'), ROOT);
    expect(issues).toEqual([expect.objectContaining({ found: '文件夹不存在' })]);
  });
});

describe('splitFrontmatter', () => {
  it('separates YAML from the body', () => {
    expect(splitFrontmatter('---\nid: s1\n---\n\n正文。\n')).toEqual({
      frontmatter: 'id: s1',
      body: '\n正文。\n',
    });
  });
  it('returns undefined without frontmatter', () =>
    expect(splitFrontmatter('正文。')).toBeUndefined());
});
