import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './dist.ts';

/** What a fixture build leaves in its output folder beforehand: a failed build must keep it. */
export const PREVIOUS_SITE = 'previous site';

/**
 * Runs the real build (tools/build.ts) into `outDir`, which first holds a stand-in "previous
 * site". `env` names the content (REPORTS_DIR, SYNONYMS_FILE) and the address (SITE_URL);
 * `args` are the build's flags (--local lets a build without SITE_URL use localhost, as tests do).
 */
export function runBuild(
  outDir: string,
  env: Record<string, string> = {},
  args: readonly string[] = ['--local'],
): { status: number | null; output: string; outDir: string } {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), PREVIOUS_SITE);
  const result = spawnSync(process.execPath, ['tools/build.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', OUT_DIR: outDir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
