import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFiles, errorsOf } from '../../src/data/content-check.ts';
import { fieldLines, readFrontmatter } from '../../src/data/frontmatter.ts';
import { readYaml } from '../../src/data/yaml-positions.ts';
import { scratchDir } from '../support/scratch.ts';

const VALID = path.join(import.meta.dirname, '../fixtures/valid');
const REPORT = readFileSync(path.join(VALID, '2024-test-agency/report.md'), 'utf8');
const SECTION = readFileSync(path.join(VALID, '2024-test-agency/s1-1.md'), 'utf8');

/** The fields' lines as the YAML parser places them, read at once. */
function eagerLines(source: string) {
  const read = readFrontmatter(source);
  if (!read || !('yaml' in read)) throw new Error('no frontmatter');
  return read.yaml.lines();
}

describe('fieldLines', () => {
  it('gives each field and nested field its line in the file', () => {
    const lines = fieldLines(REPORT);
    expect(lines['title']).toBe(2);
    expect(lines['agency.shortName']).toBe(5);
    expect(lines['signature.date']).toBe(11);
    expect(lines['nowhere']).toBeUndefined();
    expect({ ...lines }).toEqual(eagerLines(REPORT));
    expect(JSON.parse(JSON.stringify(fieldLines(SECTION)))).toEqual(eagerLines(SECTION));
    expect('parent' in fieldLines(SECTION)).toBe(true);
    expect(Object.keys(fieldLines(SECTION))).toEqual(Object.keys(eagerLines(SECTION)));
  });

  it('counts lines the same with a byte-order mark, which the check’s decoding drops', () => {
    expect({ ...fieldLines(`\uFEFF${SECTION}`) }).toEqual(eagerLines(SECTION));
    expect(fieldLines(`\uFEFF${SECTION}`)['parent']).toBe(6);
  });

  it('has no lines for a text without a readable frontmatter', () => {
    expect({ ...fieldLines('正文，没有字段区。') }).toEqual({});
    expect({ ...fieldLines('---\ntitle: [\n---\n') }).toEqual({});
  });
});

describe('readYaml, parsed when first asked', () => {
  it('finds comments when the text has a #, and none without', () => {
    expect(readYaml('title: 报告 # 待补充\nyear: 2024\n', 2).comments()).toEqual([
      { field: 'title', line: 2, text: '待补充' },
    ]);
    expect(readYaml('title: 报告\nyear: 2024\n').comments()).toEqual([]);
  });

  it('reports what it cannot read, and the values it read', () => {
    const broken = readYaml('a: 1\na: 2\n', 3);
    expect(broken.errors).toEqual([{ line: 4, code: 'DUPLICATE_KEY' }]);
    expect(readYaml('a:\n  b: 1\n').doc.getIn(['a', 'b'])).toBe(1);
    expect(readYaml('a:\n  b: 1\n', 5).lineOf(['a', 'b'])).toBe(6);
  });
});

describe('content check: lines and warnings', () => {
  const paths = {
    reportsDir: 'reports',
    synonymsFile: 'none.yml',
    siteFile: 'none.yml',
    indicatorsFile: 'none.yml',
  };

  it('places a problem found across files on its field’s line', async () => {
    const dir = scratchDir('fzzf-check-lines-');
    cpSync(VALID, path.join(dir, 'reports'), { recursive: true });
    const file = path.join(dir, 'reports/2024-test-agency/s1-1.md');
    writeFileSync(file, SECTION.replace('parent: s1', 'parent: s9'));
    const { problems } = await checkContentFiles(paths, dir);
    const parent = problems.find((problem) => problem.field === 'parent');
    expect(parent?.file).toBe(path.join('reports', '2024-test-agency', 's1-1.md'));
    expect(parent?.line).toBe(6);
  });

  it('without warnings, gives exactly the errors, placed the same', async () => {
    const dir = scratchDir('fzzf-check-warnings-');
    cpSync(VALID, path.join(dir, 'reports'), { recursive: true });
    const file = path.join(dir, 'reports/2024-test-agency/s1-1.md');
    writeFileSync(file, SECTION.replace('parent: s1', 'parent: s9'));
    const all = (await checkContentFiles(paths, dir)).problems;
    const errors = (await checkContentFiles(paths, dir, undefined, { warnings: false })).problems;
    expect(all.some((problem) => problem.severity === 'warning')).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toEqual(errorsOf(all));
  });
});
