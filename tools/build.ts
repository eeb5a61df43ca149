// Builds the site atomically: Astro and Pagefind write into a fresh folder beside dist/, and
// only a complete build replaces dist/. A failed build leaves the previous site as it was.
// `--profile` (or FZZF_PROFILE=1) prints where the time went, step by step.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import { ContentError } from '../src/lib/content/errors.ts';
import { readSynonyms, validateReports } from '../src/data/content-files.ts';
import { REPORTS_DIR, SYNONYMS_FILE } from '../src/data/paths.ts';
import {
  buildProfileIntegration,
  createBuildProfile,
  formatBuildProfile,
  STEPS,
} from '../src/node/build-profile.ts';
import { buildFolders } from '../src/node/build-folders.ts';

const profile = createBuildProfile();
const root = path.resolve(import.meta.dirname, '..');
// SITE_URL is the one source of the base path; a BASE_URL left in the environment (test runners
// and some CI systems set one) would silently override it.
delete process.env['BASE_URL'];
const { outDir, staging, previous, cacheDir } = buildFolders(root, process.env['OUT_DIR']);
const profiling = process.argv.includes('--profile') || Boolean(process.env['FZZF_PROFILE']);

try {
  profile.mark(STEPS.check);
  // Content is checked before Astro starts, so publishers get every problem at once, in Chinese.
  const issues = [
    ...(await validateReports(path.resolve(root, REPORTS_DIR), root)),
    ...(await readSynonyms(path.resolve(root, SYNONYMS_FILE), root)).issues,
  ];
  if (issues.length) throw new ContentError(issues);
  profile.mark(STEPS.astroStart);
  // A staging folder left by an interrupted build must not leak into this one.
  await rm(staging, { recursive: true, force: true });
  await build({
    root,
    outDir: staging,
    cacheDir,
    logLevel: process.env['CI'] ? 'warn' : 'info',
    integrations: [buildProfileIntegration(profile)],
  });
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  const message = error instanceof Error ? error.message : String(error);
  const kept = existsSync(outDir)
    ? `上一次成功生成的网站（${path.relative(root, outDir) || outDir}/）保持不变。`
    : '尚无已生成的网站。';
  console.error(`\n网站生成失败，${kept}\n\n${message}\n`);
  process.exit(1);
}

// Two renames rather than one copy: the switch is as short as the file system allows.
if (existsSync(outDir)) await rename(outDir, previous);
await rename(staging, outDir);
await rm(previous, { recursive: true, force: true });
console.log(`网站已生成：${path.relative(root, outDir) || outDir}/`);
if (profiling) console.log(`\n${formatBuildProfile(profile.steps())}`);
