// Builds the site: content is checked first (every problem at once, in Chinese), then Astro and
// Pagefind write a new version that src/node/publish.ts switches in atomically. A failed build
// leaves the previous site as it was. `--profile` (or FZZF_PROFILE=1) prints where the time went.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { contentBytesLoan } from '../src/data/content-bytes.ts';
import { ContentError } from '../src/lib/content/errors.ts';
import { RECORDS_FIXED_ENV } from '../src/data/editions.ts';
import { contentPathsFrom } from '../src/data/paths.ts';
import { stopSearchIndex } from '../src/integrations/pagefind.ts';
import { stopSectionSheets } from '../src/integrations/section-sheets.ts';
import siteOptionsIntegration from '../src/integrations/site-options.ts';
import { siteUrl } from '../src/lib/addresses/urls.ts';
import { checkInBackground, contentGateIntegration } from '../src/node/background-check.ts';
import { describeFailure } from '../src/node/build-failure.ts';
import { buildFolders, removeOtherRenderStores, renderVersion } from '../src/node/build-folders.ts';
import { alreadyPublished, inputFingerprint, recordPublished } from '../src/node/build-inputs.ts';
import {
  BUILD_USAGE,
  type BuildOptions,
  BuildOptionsError,
  parseBuildOptions,
} from '../src/node/build-options.ts';
import {
  buildProfileIntegration,
  createBuildProfile,
  formatBuildProfile,
  PROGRESS_ENV,
  PROGRESS_PREFIX,
  STEPS,
} from '../src/node/build-profile.ts';
import { linkIncrementalCache } from '../src/node/page-cache-links.ts';
import { publishSite, type PublishStep } from '../src/node/publish.ts';

const profile = createBuildProfile(
  undefined,
  process.env[PROGRESS_ENV] ? (step) => console.log(`${PROGRESS_PREFIX}${step}`) : undefined,
);
const root = path.resolve(import.meta.dirname, '..');
// SITE_URL is the one source of the base path; a BASE_URL left in the environment (test runners
// and some CI systems set one) would silently override it.
delete process.env['BASE_URL'];
// Content holds still while this build runs: each report's edition record is read once.
process.env[RECORDS_FIXED_ENV] = '1';
let options: BuildOptions;
try {
  const parsed = parseBuildOptions(process.argv.slice(2), process.env);
  if (!parsed) {
    console.log(BUILD_USAGE);
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  if (!(error instanceof BuildOptionsError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
// Tests point the content paths at fixtures through the environment; from here on they are values.
const paths = contentPathsFrom(process.env);
const { outDir, staging, cacheDir, trash } = buildFolders(
  root,
  process.env['OUT_DIR'],
  renderVersion(new URL('../src/', import.meta.url)),
);
const profiling = process.argv.includes('--profile') || Boolean(process.env['FZZF_PROFILE']);
// Tests kill the build at a publishing step, or make it fail there, to prove dist/ survives any
// interruption and that an unexpected error is reported without a stack trace.
const killAt = process.env['FZZF_KILL_AT'] as PublishStep | undefined;
const failAt = process.env['FZZF_FAIL_AT'] as PublishStep | undefined;
// …with a file-system error code (ENOSPC, EACCES …) on a file of the new version, as a full disk
// or a folder without write permission would fail.
const failCode = process.env['FZZF_FAIL_CODE'];

// Taken before anything is read, so a file changed during the build leaves the record stale
// (and the next build builds) rather than wrongly fresh. The content files it reads are checked
// from the same bytes, read once.
let readContent: Map<string, Buffer> | undefined = new Map<string, Buffer>();
const fingerprint = inputFingerprint(
  {
    root,
    content: [path.join(root, 'content'), paths.reportsDir, paths.synonymsFile, paths.siteFile],
    settings: {
      siteUrl: options.siteUrl,
      drafts: options.drafts,
      years: options.years ? `${options.years.from}-${options.years.to}` : undefined,
      reports: path.resolve(root, paths.reportsDir),
    },
  },
  readContent,
);
if (!options.force && !killAt && !failAt && alreadyPublished(outDir, fingerprint)) {
  console.log(
    `内容和程序自上次生成以来都没有变化，网站保持不变：${path.relative(root, outDir) || outDir}/（如需重新生成，加 --force）`,
  );
  if (profiling) console.log(`\n${formatBuildProfile(profile.steps())}`);
  process.exit(0);
}
let published = '';
let checkSeconds: number | undefined;

try {
  profile.mark(STEPS.check);
  // Content is checked on a thread of its own while Astro starts and syncs its content store;
  // nothing is bundled or written before the check has passed (contentGateIntegration), and
  // publishers get every problem at once, in Chinese.
  // Placeholders (……, 待补充) in a report that is not a draft are errors too.
  const checkStarted = performance.now();
  const checking = checkInBackground({
    paths,
    cwd: root,
    read: readContent,
    qrCodes: { siteUrl: options.siteUrl },
    searchEngine: true,
  });
  // Astro's content sync reads the same bytes, and lets them go before the pages step, the
  // build's peak of memory.
  const contentBytes = contentBytesLoan(readContent);
  readContent = undefined;
  const contentChecked = checking.issues.then((issues) => {
    checkSeconds = (performance.now() - checkStarted) / 1000;
    if (issues.length) throw new ContentError(issues);
    console.log('内容检查通过。');
  });
  // Awaited before any page is written, or when Astro fails first; never unhandled meanwhile.
  contentChecked.catch(() => undefined);
  console.log('正在检查内容，同时生成网页和搜索索引……');
  profile.mark(STEPS.astroStart);
  const { build } = await import('astro');
  await linkIncrementalCache();
  await publishSite({
    outDir,
    trash,
    build: async (version) => {
      // Astro writes to a folder whose name never changes: its content store survives between
      // builds only while its configuration (outDir included) is unchanged. The finished folder
      // then becomes the new version.
      await rm(staging, { recursive: true, force: true });
      await mkdir(cacheDir, { recursive: true });
      removeOtherRenderStores(cacheDir);
      await mkdir(path.dirname(staging), { recursive: true });
      // A failed Astro run must leave nothing behind beside dist/.
      await build({
        root,
        // The public address and this build's options reach Astro's config, the content
        // loaders and the pages as values.
        ...siteUrl(options.siteUrl),
        outDir: staging,
        cacheDir,
        // Astro's own log is English; BUILD_LOG=info shows it to developers.
        logLevel: (process.env['BUILD_LOG'] as 'info') ?? 'silent',
        integrations: [
          siteOptionsIntegration({
            drafts: options.drafts,
            paths,
            ...(options.years ? { years: options.years } : {}),
          }),
          contentBytes,
          contentGateIntegration(contentChecked, checking.qrCodes),
          buildProfileIntegration(profile),
        ],
      }).catch(async (error: unknown) => {
        // The search index is built, and section pages cut, while pages are generated: both
        // must stop writing first.
        await Promise.all([stopSearchIndex(), stopSectionSheets()]);
        await rm(staging, { recursive: true, force: true });
        // Content the check refuses may well have stopped Astro first: the publisher is told
        // what the check found, not what Astro made of it.
        await contentChecked;
        throw error;
      });
      await contentChecked;
      await rename(staging, version);
      published = version;
    },
    onStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
      if (step !== failAt) return;
      const injected = new Error(`injected failure at ${step}`);
      if (failCode)
        Object.assign(injected, {
          code: failCode,
          path: path.join(path.dirname(outDir), '.dist-versions', 'index.html'),
        });
      throw injected;
    },
  });
  recordPublished(outDir, published, fingerprint);
} catch (error) {
  console.error(describeFailure(error, root, outDir));
  process.exit(1);
}
console.log(`网站已生成：${path.relative(root, outDir) || outDir}/`);
if (profiling) console.log(`\n${formatBuildProfile(profile.steps(), checkSeconds)}`);
