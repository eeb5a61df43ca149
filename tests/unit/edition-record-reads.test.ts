import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { lendContentBytes, lentBytes, returnContentBytes } from '../../src/data/content-bytes.ts';
import { EDITIONS_FILE, readRecord, RECORDS_FIXED_ENV } from '../../src/data/editions.ts';

const VALID = path.join(import.meta.dirname, '../fixtures/valid/2024-test-agency');
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-record-reads-'));
afterEach(() => {
  vi.unstubAllEnvs();
  returnContentBytes();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the valid fixture's report, in a folder of the test's own. */
function report(name: string): { folder: string; file: string; text: string } {
  const folder = path.join(scratch, name);
  cpSync(VALID, folder, { recursive: true });
  const file = path.join(folder, EDITIONS_FILE);
  return { folder, file, text: readFileSync(file, 'utf8') };
}

describe('readRecord', () => {
  it('sees an edit to the record at once, outside a build', () => {
    const { folder, file, text } = report('live');
    expect(readRecord(folder).record).toBeDefined();
    writeFileSync(file, `${text.slice(0, -10)}`);
    expect(readRecord(folder)).toEqual({ problem: '不是有效的 JSON' });
    writeFileSync(file, text);
    expect(readRecord(folder).record).toBeDefined();
    rmSync(file);
    expect(readRecord(folder)).toEqual({});
  });

  it('in a build, keeps each record as first read, present or absent', () => {
    vi.stubEnv(RECORDS_FIXED_ENV, '1');
    const { folder, file, text } = report('fixed');
    const first = readRecord(folder);
    expect(first.record).toBeDefined();
    writeFileSync(file, `${text.slice(0, -10)}`);
    expect(readRecord(folder)).toBe(first);

    const { folder: absent, file: later, text: laterText } = report('absent');
    rmSync(later);
    expect(readRecord(absent)).toEqual({});
    writeFileSync(later, laterText);
    expect(readRecord(absent)).toEqual({});

    // Outside the build again, the disk is looked at.
    vi.unstubAllEnvs();
    expect(readRecord(folder)).toEqual({ problem: '不是有效的 JSON' });
    expect(readRecord(absent).record).toBeDefined();
  });

  it('reads the bytes the build lent rather than the disk, until the loan ends', () => {
    const { folder, file, text } = report('lent');
    const lent = new Map([[file, new TextEncoder().encode(text.slice(0, -10))]]);
    lendContentBytes(lent);
    expect(lentBytes(file)?.toString('utf8')).toBe(text.slice(0, -10));
    expect(lentBytes(path.join(folder, 'report.md'))).toBeUndefined();
    expect(readRecord(folder)).toEqual({ problem: '不是有效的 JSON' });
    // The disk changing meanwhile does not change what the build reads.
    writeFileSync(file, `${text}\n`);
    expect(readRecord(folder)).toEqual({ problem: '不是有效的 JSON' });

    returnContentBytes();
    expect(lentBytes(file)).toBeUndefined();
    expect(readRecord(folder).record).toBeDefined();
  });
});
