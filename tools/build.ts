// Builds the site atomically: Astro and Pagefind write into a fresh folder beside dist/, and
// only a complete build replaces dist/. A failed build leaves the previous site as it was.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import { ContentError } from '../src/lib/content/errors.ts';
import { readSynonyms, validateReports } from '../src/data/content-files.ts';
import { REPORTS_DIR, SITE_CONFIG_FILE, SYNONYMS_FILE } from '../src/data/paths.ts';
import { readSiteConfig } from '../src/data/site.ts';

const root = path.resolve(import.meta.dirname, '..');
// SITE_URL is the one source of the base path; a BASE_URL left in the environment (test runners
// and some CI systems set one) would silently override it.
delete process.env['BASE_URL'];
const outDir = path.resolve(root, process.env['OUT_DIR'] ?? 'dist');
const staging = `${path.dirname(outDir)}/.dist-staging-${process.pid}`;
const previous = `${path.dirname(outDir)}/.dist-previous-${process.pid}`;

try {
  // Content is checked before Astro starts, so publishers get every problem at once, in Chinese.
  const issues = [
    ...(await validateReports(path.resolve(root, REPORTS_DIR), root)),
    ...(await readSynonyms(path.resolve(root, SYNONYMS_FILE), root)).issues,
    ...readSiteConfig(SITE_CONFIG_FILE, root).issues,
  ];
  if (issues.length) throw new ContentError(issues);
  await build({ root, outDir: staging, logLevel: process.env['CI'] ? 'warn' : 'info' });
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
