import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundFields, sourceRows } from '../../src/lib/desk/source-view.ts';
import { blocksFromTextFile } from '../../src/lib/import/input.ts';
import { IMPORT_FIXTURES, importBlocks } from '../support/import.ts';

function view(name: string) {
  const bytes = readFileSync(path.join(IMPORT_FIXTURES, name));
  const { blocks } = blocksFromTextFile(bytes, 'txt')!;
  const { report, plan } = importBlocks(blocks);
  const rows = sourceRows(blocks, report, plan);
  return { rows, fields: foundFields(blocks, rows, plan) };
}

describe('desk source view', () => {
  it('gives every source line its role, and each line not imported its reason', () => {
    const { rows } = view('portal-header.txt');
    const role = (line: number) => rows.find((row) => row.line === line);
    expect(role(1)).toMatchObject({
      role: 'dropped',
      notImported: '网页上的导航或按钮',
    });
    expect(role(2)?.role).toBe('title');
    expect(role(3)?.role).toBe('metadata');
    expect(role(5)?.role).toBe('preamble');
    expect(role(6)).toMatchObject({ role: 'heading', sectionId: 's1' });
    expect(role(8)).toMatchObject({ role: 'heading', sectionId: 's1-2' });
    expect(role(9)).toMatchObject({ role: 'text', sectionId: 's1-2' });
    expect(role(15)?.role).toBe('signature');
    expect(role(16)?.role).toBe('signature');
    expect(role(17)).toMatchObject({ role: 'dropped' });
  });

  it('names the source line of each value found', () => {
    const { fields } = view('portal-header.txt');
    const line = (field: string) => fields.find((each) => each.field === field)?.line;
    expect(line('title')).toBe(2);
    expect(line('source')).toBe(3);
    expect(line('published')).toBe(3);
    expect(line('indexNumber')).toBe(4);
    expect(line('documentNumber')).toBe(4);
    expect(line('signature.body')).toBe(15);
    expect(line('signature.date')).toBe(16);
    expect(line('summary')).toBe(5);
  });
});
