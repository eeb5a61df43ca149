import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_PATHS, type ContentPaths } from '../../src/data/paths.ts';
import { ContentError } from '../../src/lib/content/errors.ts';
import {
  checkInBackground,
  contentErrors,
  contentGateIntegration,
} from '../../src/node/background-check.ts';

// The build checks content on a thread of its own while Astro loads the site: it must find what
// the check on the build's own thread finds, in the bytes the build's fingerprint read.
const ROOT = path.resolve(import.meta.dirname, '../..');
const VALID = path.join(import.meta.dirname, '../fixtures/valid/2024-test-agency');
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-background-check-'));
const reports = path.join(scratch, 'reports');
const paths: ContentPaths = { ...CONTENT_PATHS, reportsDir: reports };

/** Every file under the reports folder, read as the build's fingerprint reads them. */
function readAll(): Map<string, Buffer> {
  const read = new Map<string, Buffer>();
  for (const folder of readdirSync(reports))
    for (const name of readdirSync(path.join(reports, folder))) {
      const file = path.join(reports, folder, name);
      if (statSync(file).isFile()) read.set(file, readFileSync(file));
    }
  return read;
}

beforeAll(() => {
  vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'cache'));
  cpSync(VALID, path.join(reports, '2024-test-agency'), { recursive: true });
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the content check beside the build', () => {
  it('passes valid content, and refuses what the check on this thread refuses', async () => {
    const read = readAll();
    expect(await checkInBackground({ paths, cwd: ROOT, read })).toEqual([]);
    // The fingerprint read a report with a script in it; the disk holds the valid file again.
    const s2 = path.join(reports, '2024-test-agency', 's2.md');
    read.set(s2, Buffer.from(`${read.get(s2)!.toString('utf8')}\n<script>alert(1)</script>\n`));
    const here = await contentErrors({ paths, cwd: ROOT, read });
    expect(here.some((issue) => issue.file.endsWith('s2.md'))).toBe(true);
    expect(await checkInBackground({ paths, cwd: ROOT, read })).toEqual(here);
  }, 60_000);

  it('holds the build at its start until the check has passed, and fails it otherwise', async () => {
    const start = contentGateIntegration(Promise.resolve()).hooks[
      'astro:build:start'
    ] as () => Promise<void>;
    await expect(start()).resolves.toBeUndefined();
    const issue = { file: 'content/reports/x/report.md', field: 'title', found: '', expected: '' };
    const refused = Promise.reject(new ContentError([issue]));
    refused.catch(() => undefined);
    const gate = contentGateIntegration(refused).hooks['astro:build:start'] as () => Promise<void>;
    await expect(gate()).rejects.toBeInstanceOf(ContentError);
  });
});
