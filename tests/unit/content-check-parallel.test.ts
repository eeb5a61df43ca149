import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkContentFiles } from '../../src/data/content-check.ts';

// A clean check of a large site shares the files between this thread and workers: what it finds
// must be what checking each folder on its own finds.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-parallel-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const VALID = path.join(import.meta.dirname, '../fixtures/valid/2024-test-agency');
const none = path.join(scratch, 'none.yml');

/** A reports folder with `count` copies of the valid report, the last with a script in s2.md. */
function site(name: string, count: number): string {
  const dir = path.join(scratch, name);
  for (let index = 0; index < count; index++)
    cpSync(VALID, path.join(dir, `2024-test-agency-${String(index).padStart(3, '0')}`), {
      recursive: true,
    });
  const broken = path.join(dir, `2024-test-agency-${String(count - 1).padStart(3, '0')}`, 's2.md');
  writeFileSync(broken, `${readFileSync(broken, 'utf8')}\n<script>alert(1)</script>\n`);
  return dir;
}

async function bodyProblems(dir: string) {
  const { problems } = await checkContentFiles(
    { reportsDir: dir, synonymsFile: none, siteFile: none, indicatorsFile: none },
    scratch,
  );
  return problems
    .filter((problem) => problem.field === '（正文）')
    .map((problem) => ({ ...problem, file: path.basename(path.dirname(problem.file)) }));
}

describe('the content check of a large site', () => {
  beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, `cache-${Math.random()}`)));

  it('finds in files checked by workers what it finds checking them one by one', async () => {
    // 120 folders of 4 files: enough for workers; the broken file is in the last share.
    const large = await bodyProblems(site('large', 120));
    const small = await bodyProblems(site('small', 1));
    expect(small).toHaveLength(1);
    expect(small[0]!.line).toBeGreaterThan(1);
    expect(large).toEqual(small.map((problem) => ({ ...problem, file: '2024-test-agency-119' })));
  });
});
