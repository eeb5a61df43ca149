// Builds the site: content is checked first (every problem at once, in Chinese), then Astro and
// Pagefind write a new version that src/node/publish.ts switches in atomically. A failed build
// leaves the previous site as it was.
import path from 'node:path';
import { ContentError } from '../src/lib/content/errors.ts';
import { readSynonyms, validateReports } from '../src/data/content-files.ts';
import { REPORTS_DIR, SYNONYMS_FILE } from '../src/data/paths.ts';
import { describeFailure } from '../src/node/build-failure.ts';
import { publishSite, type PublishStep } from '../src/node/publish.ts';

const root = path.resolve(import.meta.dirname, '..');
// SITE_URL is the one source of the base path; a BASE_URL left in the environment (test runners
// and some CI systems set one) would silently override it.
delete process.env['BASE_URL'];
const outDir = path.resolve(root, process.env['OUT_DIR'] ?? 'dist');
// Tests kill the build at a publishing step, or make it fail there, to prove dist/ survives any
// interruption and that an unexpected error is reported without a stack trace.
const killAt = process.env['FZZF_KILL_AT'] as PublishStep | undefined;
const failAt = process.env['FZZF_FAIL_AT'] as PublishStep | undefined;

try {
  // Content is checked before Astro starts, so publishers get every problem at once, in Chinese.
  const issues = [
    ...(await validateReports(path.resolve(root, REPORTS_DIR), root)),
    ...(await readSynonyms(path.resolve(root, SYNONYMS_FILE), root)).issues,
  ];
  if (issues.length) throw new ContentError(issues);
  console.log('内容检查通过，正在生成网页和搜索索引……');
  const { build } = await import('astro');
  await publishSite({
    outDir,
    // Astro's own log is English; BUILD_LOG=info shows it to developers.
    build: (dir) =>
      build({ root, outDir: dir, logLevel: (process.env['BUILD_LOG'] as 'info') ?? 'silent' }),
    onStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
      if (step === failAt) throw new Error(`injected failure at ${step}`);
    },
  });
} catch (error) {
  console.error(describeFailure(error, root, outDir));
  process.exit(1);
}
console.log(`网站已生成：${path.relative(root, outDir) || outDir}/`);
