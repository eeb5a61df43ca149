import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/**
 * A new empty folder under the system's temporary folder, removed with everything in it once the
 * test that asked for it ends, or, asked for outside a test (a file's or a suite's set-up), once
 * that file's or suite's tests have run.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test.
    afterAll(remove);
  }
  return dir;
}
