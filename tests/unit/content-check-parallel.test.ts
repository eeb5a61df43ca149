import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** loadContent of a fresh module: its cache of checked files starts empty. */
async function freshLoad() {
  vi.resetModules();
  return (await import('../../src/data/report-folders.ts')).loadContent;
}

// A clean check of a large site shares the files between this thread and workers: what it reads
// must be what checking every file in this thread reads.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-parallel-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const VALID = path.join(import.meta.dirname, '../fixtures/valid/2024-test-agency');

/** A reports folder with `count` copies of the valid report, the last with a script in s2.md. */
function site(count: number): string {
  const dir = path.join(scratch, 'reports');
  const folder = (index: number) =>
    path.join(dir, `2024-test-agency-${String(index).padStart(3, '0')}`);
  for (let index = 0; index < count; index++) cpSync(VALID, folder(index), { recursive: true });
  const broken = path.join(folder(count - 1), 's2.md');
  writeFileSync(broken, `${readFileSync(broken, 'utf8')}\n<script>alert(1)</script>\n`);
  return dir;
}

describe('the content check of a large site', () => {
  it('reads in files checked by workers what it reads checking them all in one thread', async () => {
    // 60 folders of 4 files; the broken file is in the last share, a worker's.
    const dir = site(60);
    vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache-workers'));
    const shared = await (await freshLoad())(dir, scratch, { parallelMin: 100 });
    vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache-one-thread'));
    const alone = await (await freshLoad())(dir, scratch, { parallelMin: Infinity });
    expect(alone.issues.filter((issue) => issue.field === '（正文）')).toHaveLength(1);
    expect(shared.issues).toEqual(alone.issues);
    expect(shared.reports).toEqual(alone.reports);
    expect(shared.sections).toEqual(alone.sections);
    expect(shared.units).toEqual(alone.units);
    expect(shared.reports).toHaveLength(60);
  }, 60_000);
});

describe('the content check kept between builds, one entry per report folder', () => {
  it('reads from its cache exactly what checking again reads, and checks a changed file again', async () => {
    const dir = path.join(scratch, 'cached');
    cpSync(VALID, path.join(dir, '2024-test-agency-a'), { recursive: true });
    cpSync(VALID, path.join(dir, '2024-test-agency-b'), { recursive: true });
    const cache = path.join(scratch, 'cache-folders');
    vi.stubEnv('FZZF_CACHE_DIR', cache);
    const first = await (await freshLoad())(dir, scratch);
    expect(first.issues).toEqual([]);
    const entries = () => readdirSync(cache).flatMap((name) => readdirSync(path.join(cache, name)));
    expect(entries()).toHaveLength(2);
    // From the cache: the same result as a check without it.
    const cached = await (await freshLoad())(dir, scratch);
    vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache-none'));
    const fresh = await (await freshLoad())(dir, scratch);
    expect(cached).toEqual(fresh);
    // One byte more in one file of b: b's entry no longer fits, and the problem is found.
    const broken = path.join(dir, '2024-test-agency-b', 's2.md');
    writeFileSync(broken, `${readFileSync(broken, 'utf8')}\n<script>alert(1)</script>\n`);
    vi.stubEnv('FZZF_CACHE_DIR', cache);
    const changed = await (await freshLoad())(dir, scratch);
    expect(changed.issues.map((issue) => [issue.file, issue.field])).toEqual([
      [path.relative(scratch, broken), '（正文）'],
    ]);
    expect(entries()).toHaveLength(3);
  }, 60_000);
});

describe('the content check given the bytes the fingerprint read', () => {
  it('checks those bytes, as read from the files', async () => {
    const dir = path.join(scratch, 'given');
    cpSync(VALID, path.join(dir, '2024-test-agency-a'), { recursive: true });
    vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache-given'));
    const fromDisk = await (await freshLoad())(dir, scratch);
    const section = path.join(dir, '2024-test-agency-a', 's2.md');
    const bytes = Buffer.from(`${readFileSync(section, 'utf8')}\n<script>alert(1)</script>\n`);
    const given = await (await freshLoad())(dir, scratch, { read: new Map([[section, bytes]]) });
    expect(fromDisk.issues).toEqual([]);
    expect(given.issues.map((issue) => issue.file)).toEqual([path.relative(scratch, section)]);
  }, 60_000);
});
