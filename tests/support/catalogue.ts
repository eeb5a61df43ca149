import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ROOT } from './dist.ts';

/** The fixture every failure case starts from: one small, valid report. */
export const VALID_FIXTURE = path.join(ROOT, 'tests/fixtures/valid');

/**
 * A change to one file of the valid fixture: a function of its text, new text, bytes, a symlink
 * (`{ link: target }`), or null to delete it. Paths are relative to the reports folder.
 */
export type Patch = Record<
  string,
  ((text: string) => string) | string | Uint8Array | { link: string } | null
>;

/** Copies the valid fixture to `dir` and applies `patch`. */
export function makeFixture(dir: string, patch: Patch): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  for (const [file, change] of Object.entries(patch)) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    if (change === null) rmSync(full, { recursive: true, force: true });
    else if (typeof change === 'function') writeFileSync(full, change(readFileSync(full, 'utf8')));
    else if (typeof change === 'string' || change instanceof Uint8Array)
      writeFileSync(full, change);
    else {
      rmSync(full, { force: true });
      symlinkSync(change.link, full);
    }
  }
  return dir;
}

/** A stand-in previous site: what a failed build must leave byte for byte. */
export function makePreviousSite(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'reports'), { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'previous site');
  writeFileSync(path.join(outDir, 'reports', 'index.html'), 'previous reports');
}

/**
 * A digest of a folder and its surroundings: every entry beside it (lock, versions, temporary
 * links) and every file below it, links as their targets. Equal digests mean nothing changed.
 */
export function treeDigest(outDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, shown: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        hash.update(`${shown}/${name} -> ${readlinkSync(full)}\n`);
        if (existsSync(full) && lstatSync(path.resolve(dir, readlinkSync(full))).isDirectory())
          walk(full, `${shown}/${name}`);
      } else if (stat.isDirectory()) walk(full, `${shown}/${name}`);
      else
        hash.update(
          `${shown}/${name} ${createHash('sha256').update(readFileSync(full)).digest('hex')}\n`,
        );
    }
  };
  walk(path.dirname(outDir), '');
  return hash.digest('hex');
}

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real build (tools/build.ts) without blocking, so cases can run side by side. */
export function runBuildAsync(
  outDir: string,
  env: Record<string, string>,
  args: readonly string[] = ['--local'],
): Promise<BuildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['tools/build.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', OUT_DIR: outDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
