import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type IndexJob, IndexWriters, writeGroupIndex } from '../../src/node/index-writer.ts';

// Search index groups are written side by side, each by a Pagefind of its own (a worker thread):
// each must come out as the group written alone on this thread does.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-index-writers-'));
beforeAll(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache')));
afterAll(async () => {
  await pagefind.close();
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

const record = (year: number, n: number) => ({
  url: `/reports/${year}-x/#s${n}`,
  content: `${year}年第${n}节：推进一网通办，深化放管服改革。`,
  language: 'zh-cn',
  meta: { title: `${year}年报告`, section: `s${n}` },
  filters: { year: [String(year)] },
});

const job = (dir: string, year: number, engine: boolean): IndexJob => ({
  records: [1, 2, 3].map((n) => record(year, n)),
  dir: path.join(scratch, dir),
  key: `${dir}-${year}`,
  nested: [],
  engine,
});

/** The files of an index, by path under it; fragments and chunks are named by their hashes. */
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('index writers', () => {
  it('write groups at once, each as one Pagefind on this thread writes it', async () => {
    const writers = new IndexWriters(2);
    try {
      await Promise.all([
        writers.write(job('side/2024', 2024, true)),
        writers.write(job('side/2023', 2023, false)),
      ]);
    } finally {
      await writers.close();
    }
    await writeGroupIndex(pagefind, job('alone/2024', 2024, true), () => false);
    await writeGroupIndex(pagefind, job('alone/2023', 2023, false), () => false);
    for (const year of ['2024', '2023'])
      expect(files(path.join(scratch, 'side', year))).toEqual(
        files(path.join(scratch, 'alone', year)),
      );
    // The primary serves the engine; another group only its data and WebAssembly.
    expect(existsSync(path.join(scratch, 'side/2024/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(scratch, 'side/2023/pagefind.js'))).toBe(false);
    expect(existsSync(path.join(scratch, 'side/2023/pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('write nothing more once stopped, and name what Pagefind refused', async () => {
    const writers = new IndexWriters(1);
    try {
      writers.stop();
      await expect(writers.write(job('stopped', 2024, true))).rejects.toThrow('the build stopped');
      expect(existsSync(path.join(scratch, 'stopped'))).toBe(false);
    } finally {
      await writers.close();
    }
    const failing = new IndexWriters(1);
    try {
      const bad = job('bad', 2024, true);
      bad.records = [{ ...record(2024, 1), url: undefined as unknown as string }];
      await expect(failing.write(bad)).rejects.toThrow(/Pagefind/);
    } finally {
      await failing.close();
    }
  }, 60_000);
});
