// How the build and the first search grow with the number of reports. For each N given, a scratch
// copy of this project gets N synthetic reports (shared tools/corpus), then is built clean,
// rebuilt unchanged, and built again with the (N+1)th report added; that output is compared byte
// for byte with a clean build of the N+1 reports. The floor (a bare Astro + Pagefind site, one
// page per report) and Starlight are built from the same corpus in the same run (shared
// tools/corpus/sites; installed once under node_modules/.cache/fzzf-bench/). Sizes and sites are
// interleaved run by run so machine noise hits them alike.
// Prints build wall and CPU times, peak memory of the build process tree, output bytes per report,
// the bytes a cold first search fetches in Chromium (--query, and the pinyin data a Latin query
// loads), and with --queries/--eval, at every size, scoped recall@1, median query time and the
// first query's bytes from the site's own search page; then one machine-readable line.
// Usage: npm run bench:scale -- 1 300 3000 [--runs 3] [--query 一网通办] [--pinyin yiwangtongban]
//        [--eval] [--queries FILE] [--no-rebuild] [--no-floor] [--starlight-max 1000]
//        [--no-compare] [--keep] [--figures]
// With --figures, each N is also built a second time with figures on every report (those its
// text states, see addFigures), interleaved with the first, and the cost of the figures
// (/data/ pages, charts, downloads, paragraph labels) is printed as a ratio.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  addFigures,
  epochNow,
  kib,
  launchBrowser,
  median,
  recordFirstEditions,
  recordMarks,
  ROOT,
  serveGzip,
  sharedToolsDir,
  waitForMark,
} from './bench-support.ts';
import { STEPS } from '../src/node/build-profile.ts';
import { toolArgs } from '../src/node/tool-args.ts';

const MAX_REPORTS = 4230;
const USAGE =
  'usage: npm run bench:scale -- N [N …] [--runs 3] [--query Q] [--pinyin Q] [--eval] [--queries FILE] [--no-rebuild] ' +
  `[--no-floor] [--starlight-max 1000] [--no-compare] [--keep] [--figures]  (N ≤ ${MAX_REPORTS}; ` +
  `below it, the N+1th report is added in an add-one build)`;

const { values: options, positionals } = toolArgs(
  {
    allowPositionals: true,
    allowNegative: true,
    options: {
      runs: { type: 'string', default: '3' },
      query: { type: 'string', default: '一网通办' },
      pinyin: { type: 'string', default: 'yiwangtongban' },
      // The unchanged rebuild doubles the time of a run at thousands of reports.
      rebuild: { type: 'boolean', default: true },
      eval: { type: 'boolean', default: false },
      // A query file of the project's own (e.g. tests/search/scoped-queries.json), scored like --eval.
      queries: { type: 'string' },
      keep: { type: 'boolean', default: false },
      figures: { type: 'boolean', default: false },
      // The floor (bare Astro + Pagefind) is built beside every size unless --no-floor.
      floor: { type: 'boolean', default: true },
      // Starlight's output grows with the square of the reports (every page lists every page).
      'starlight-max': { type: 'string', default: '1000' },
      // The add-one build is compared byte for byte with a clean build of the N+1 reports.
      compare: { type: 'boolean', default: true },
    },
  },
  USAGE,
);
const sizes = [...new Set(positionals.map(Number))].sort((a, b) => a - b);
const runs = Number(options.runs);
const starlightMax = Number(options['starlight-max']);
if (
  !sizes.length ||
  sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_REPORTS) ||
  !(runs >= 1) ||
  !(starlightMax >= 0)
) {
  console.error(USAGE);
  process.exit(2);
}
const shared = sharedToolsDir();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'fzzf-scale-'));
const cleanUp = () => {
  rmSync(path.join(scratch, 'trash'), { recursive: true, force: true });
  if (!options.keep) rmSync(scratch, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const node = (args: string[], cwd = ROOT) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });

/** Links every entry of `from` into a new `to` folder but the build caches, which stay per site. */
function linkModules(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from))
    if (!['.astro', '.vite', '.cache'].includes(entry))
      symlinkSync(path.join(from, entry), path.join(to, entry));
}

/**
 * The working tree as it is (committed or not, ignored files left out), so uncommitted work is
 * measured too. node_modules is a folder of links rather than one link: Astro and Vite keep
 * their caches in node_modules/.astro and .vite, which must stay the scratch copy's own.
 */
function scratchProject(dir: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), path.join(dir, file));
    } catch {
      // Deleted but not yet staged: git still lists it.
    }
  }
  linkModules(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
}

type Kind = 'astro' | 'starlight';

/**
 * A comparison site, its pinned packages installed once and kept between runs in the system's
 * temporary folder (keyed by its package.json), so only the first run reaches the registry.
 * Sizes share it, one build at a time: `corpus` is adapted into it before each build. Its
 * node_modules cannot be links into another folder: Vite then resolves Starlight's components
 * outside the site and fails.
 */
function comparisonSite(kind: Kind, corpus: string): string {
  const skeleton = path.join(shared, 'tools/corpus/sites', kind);
  const manifest = readFileSync(path.join(skeleton, 'package.json'));
  const key = createHash('sha256').update(manifest).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `fzzf-bench-${kind}-${key}`);
  if (!existsSync(path.join(dir, '.installed'))) {
    log(`installing the ${kind} comparison site's packages in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), manifest);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeFileSync(path.join(dir, '.installed'), '');
  }
  node([
    path.join(shared, 'tools/corpus/adapt.mjs'),
    ...['--target', kind, '--in', corpus, '--site', dir],
  ]);
  return dir;
}

/**
 * Runs `use` on the comparison site with `corpus` in it, clean, while holding the site's lock:
 * two benchmarks running at once share the installed site and must take turns.
 */
async function withComparison<T>(
  kind: Kind,
  corpus: string,
  use: (site: string) => Promise<T>,
): Promise<T> {
  const lock = path.join(os.tmpdir(), `fzzf-bench-${kind}.lock`);
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        // The holder is gone: its lock is stale.
      }
      if (!alive) rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    const site = comparisonSite(kind, corpus);
    wipe(site);
    return await use(site);
  } finally {
    rmSync(lock, { force: true });
  }
}

// node_modules/.cache holds the build's own caches (QR codes), .dist-versions the published
// versions dist links to and Astro's staging folder: a clean build starts without any of them.
const CACHES = [
  'dist',
  '.dist-versions',
  '.astro',
  'node_modules/.astro',
  'node_modules/.vite',
  'node_modules/.cache',
];
// Moved aside, not deleted, until the run ends: on this kind of disk (ext4 without a journal)
// creating files just after tens of thousands were deleted costs many times more (40,000 small
// files: 18.2 s within a minute of deleting a 3,000-report site, 1.3 s a few minutes later), which
// would weigh on whichever build came next, and on this site's far more than the floor's.
const trash = path.join(scratch, 'trash');
let trashed = 0;
const wipe = (dir: string) => {
  mkdirSync(trash, { recursive: true });
  for (const cache of CACHES)
    // lstat: a dangling dist link goes too.
    if (lstatSync(path.join(dir, cache), { throwIfNoEntry: false }))
      renameSync(path.join(dir, cache), path.join(trash, String(trashed++)));
};

/** Resident memory of a process and all its descendants, in KiB (Linux /proc). */
function treeRssKib(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended while the list was read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Build {
  seconds: number;
  /** User + system CPU seconds of the build and the processes it waited for; NaN without GNU time. */
  cpu: number;
  peakMib: number;
  /** Seconds spent in each step, read from the build's log. */
  steps: Map<string, number>;
  /** Peak memory of the process tree within each step, MiB (steps laid end to end from the start). */
  stepPeaks: Map<string, number>;
}

/** The highest sample within each step, the steps' durations laid end to end from time 0. */
function peaksByStep(
  steps: Map<string, number>,
  samples: { at: number; kib: number }[],
): Map<string, number> {
  const peaks = new Map<string, number>();
  let from = 0;
  for (const [key, seconds] of steps) {
    const to = from + seconds;
    const within = samples.filter((sample) => sample.at >= from && sample.at < to);
    if (within.length) peaks.set(key, Math.max(...within.map((sample) => sample.kib)) / 1024);
    from = to;
  }
  return peaks;
}

/** The build's own profile (FZZF_PROFILE=1) at the end of its log: seconds per step. */
function stepsOf(log: string): Map<string, number> {
  const steps = new Map<string, number>();
  for (const [key, label] of Object.entries(STEPS)) {
    const match = new RegExp(`${RegExp.escape(label)}\\s+([\\d.]+) 秒`).exec(log);
    if (match) steps.set(key, Number(match[1]));
  }
  return steps;
}

// Wall time is at the mercy of other jobs on a shared machine; CPU time much less so.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * This project's build (tools/build.ts, as `npm run build` runs it) or a comparison site's
 * (`astro build`, then Pagefind for the floor), with the site's own Node and binaries first on
 * PATH: wall and CPU time, peak memory, its output kept in a log.
 */
function build(
  dir: string,
  logName: string,
  kind: 'project' | Kind = 'project',
  logDir = dir,
): Promise<Build> {
  const logFile = path.join(logDir, `${logName}.log`);
  const timeFile = path.join(logDir, `${logName}.time`);
  const out = createWriteStream(logFile);
  const command =
    kind === 'project'
      ? [process.execPath, 'tools/build.ts']
      : ['sh', '-c', kind === 'astro' ? 'astro build && pagefind --site dist' : 'astro build'];
  if (GNU_TIME) command.unshift(GNU_TIME, '-f', '%U %S', '-o', timeFile);
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: dir,
    // Root base path, whatever the caller's environment says: the bench serves dist/ at /.
    // FZZF_PROFILE: the build ends its log with the time of each step.
    env: {
      ...process.env,
      SITE_URL: 'https://www.example.gov.cn/',
      FZZF_PROFILE: '1',
      PATH: `${path.join(dir, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Each line gets the seconds since start, so the log shows where the time went.
  const stamp = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = ((performance.now() - start) / 1000).toFixed(2).padStart(7);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line.trim()) out.write(`${at}  ${line}\n`);
    });
  };
  stamp(child.stdout);
  stamp(child.stderr);
  let peak = 0;
  const samples: { at: number; kib: number }[] = [];
  const poll = setInterval(() => {
    const kib = treeRssKib(child.pid!);
    samples.push({ at: (performance.now() - start) / 1000, kib });
    peak = Math.max(peak, kib);
  }, 100);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - start) / 1000;
      out.end(() => {
        const log = readFileSync(logFile, 'utf8');
        if (code === 0) {
          const cpu = GNU_TIME
            ? readFileSync(timeFile, 'utf8')
                .trim()
                .split(/\s+/)
                .reduce((sum, value) => sum + Number(value), 0)
            : NaN;
          const steps = stepsOf(log);
          return resolve({
            seconds,
            cpu,
            peakMib: peak / 1024,
            steps,
            stepPeaks: peaksByStep(steps, samples),
          });
        }
        const tail = log.split('\n').slice(-30).join('\n');
        // The scratch folder goes with the run: what the build wrote of its failure is shown here.
        const errorLog = path.join(dir, 'build-error.log');
        const details = existsSync(errorLog)
          ? `\n${errorLog}:\n${readFileSync(errorLog, 'utf8').split('\n').slice(0, 40).join('\n')}`
          : '';
        reject(new Error(`build failed in ${dir} (log ${logFile}):\n${tail}${details}`));
      });
    });
  });
}

/** Bytes under dist/: HTML pages, the Pagefind folder, and everything else. */
function outputBytes(dist: string) {
  const sum = { html: 0, pagefind: 0, other: 0 };
  const walk = (dir: string, pagefind: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, pagefind || (dir === dist && entry.name === 'pagefind'));
      else if (pagefind) sum.pagefind += statSync(full).size;
      else if (entry.name.endsWith('.html')) sum.html += statSync(full).size;
      else sum.other += statSync(full).size;
    }
  };
  walk(dist, false);
  return { ...sum, total: sum.html + sum.pagefind + sum.other };
}

/** Every file under `dist` (links followed) with a hash of its bytes: what a byte comparison needs. */
function fileHashes(dist: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const real = realpathSync(dist);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        hashes.set(
          path.relative(real, full),
          createHash('sha256').update(readFileSync(full)).digest('hex'),
        );
    }
  };
  walk(real);
  return hashes;
}

/** The files that differ between two outputs (missing on either side or with other bytes). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

interface Result {
  n: number;
  clean: Build[];
  rebuild: Build[];
  /** The (N+1)th report added, then built again. */
  addOne: Build[];
  /** Files in which the add-one output differs from a clean build of N+1 reports, per run. */
  addOneDiffs: string[][];
  floor: Build[];
  starlight: Build[];
  bytes?: ReturnType<typeof outputBytes>;
  floorBytes?: ReturnType<typeof outputBytes>;
  firstSearch?: { bytes: number; requests: number; ms: number };
  /** Pinyin lexicon files a cold Latin-letter query fetched before its results. */
  pinyin?: { bytes: number; files: number };
  /** Per query set: scored by the site's own search page (eval-ui.mjs). */
  quality: Map<string, Quality>;
}

interface Quality {
  /** Queries whose report is in this site, and how many land on an answer first. */
  scored: number;
  recall1: number;
  p50ms: number;
  firstBytes: number;
}
/** Built with figures on every report (--figures): clean builds only, to price the figures. */
const withFigures: Result[] = options.figures
  ? sizes.map((n) => ({
      n,
      clean: [],
      rebuild: [],
      addOne: [],
      addOneDiffs: [],
      floor: [],
      starlight: [],
      quality: new Map(),
    }))
  : [];
const results: Result[] = sizes.map((n) => ({
  n,
  clean: [],
  rebuild: [],
  addOne: [],
  addOneDiffs: [],
  floor: [],
  starlight: [],
  quality: new Map(),
}));
const siteOf = (n: number, figures = false) =>
  path.join(scratch, `site-${n}${figures ? '-figures' : ''}`);
/** The first N reports only, for the comparison sites. */
const corpusOf = (n: number) => path.join(scratch, `corpus-${n}-only`);
/** The (N+1)th report's folder name, and where it waits while it is not in the site. */
const extraName = new Map<number, string>();
const extraOf = (n: number) => path.join(scratch, `extra-${n}`, extraName.get(n)!);
const withStarlight = (n: number) => n <= starlightMax;

/** The report folder the adapter writes for corpus report `id` ("2023-jiading"). */
const folderOf = (id: string) => `${id}-police`;

// Started before the sites are prepared, so a machine without Chromium fails at once, not after
// minutes of copying (`npm run test:prereqs` installs it).
const browser = await launchBrowser();
try {
  for (const n of sizes) {
    log(`preparing ${n} report(s) in ${siteOf(n)}`);
    scratchProject(siteOf(n));
    // N+1 reports are written, and the last one set aside for the add-one build: the first N of
    // a larger corpus are the N of the smaller.
    const corpus = path.join(scratch, `corpus-${n}`);
    const written = Math.min(n + 1, MAX_REPORTS);
    node([path.join(shared, 'tools/corpus/gen.mjs'), '--n', String(written), '--out', corpus]);
    node([
      path.join(shared, 'tools/corpus/adapt.mjs'),
      ...['--target', 'project', '--in', corpus, '--site', siteOf(n), '--replace-content'],
    ]);
    // The corpus tools write no edition records: publish every report, as an existing site would.
    recordFirstEditions(siteOf(n));
    const ids = (
      JSON.parse(readFileSync(path.join(corpus, 'corpus.json'), 'utf8')) as {
        reports: string[];
      }
    ).reports;
    // The largest corpus has no report to add.
    if (written > n) {
      extraName.set(n, folderOf(ids[n]!));
      mkdirSync(path.dirname(extraOf(n)));
      renameSync(path.join(siteOf(n), 'content/reports', extraName.get(n)!), extraOf(n));
    }
    // The comparison sites get the first N reports only.
    node([path.join(shared, 'tools/corpus/gen.mjs'), '--n', String(n), '--out', corpusOf(n)]);
    if (options.figures) {
      const site = siteOf(n, true);
      log(`preparing ${n} report(s) with figures in ${site}`);
      scratchProject(site);
      node([
        path.join(shared, 'tools/corpus/adapt.mjs'),
        ...['--target', 'project', '--in', corpusOf(n), '--site', site, '--replace-content'],
      ]);
      recordFirstEditions(site);
      const added = addFigures(site);
      log(`  ${added.figures} figures stated in the text, on ${added.reports} of ${n} reports`);
    }
  }

  try {
    for (let run = 1; run <= runs; run++)
      for (const result of results) {
        const figured = withFigures.find((each) => each.n === result.n);
        if (figured) {
          const site = siteOf(result.n, true);
          wipe(site);
          figured.clean.push(await build(site, `build-${run}-clean`));
          if (run === 1) {
            figured.bytes = outputBytes(path.join(site, 'dist'));
            ({ first: figured.firstSearch, pinyin: figured.pinyin } = await firstSearch(
              browser,
              path.join(site, 'dist'),
            ));
          }
        }
        const { n } = result;
        const dir = siteOf(n);
        wipe(dir);
        const clean = await build(dir, `build-${run}-clean`);
        result.clean.push(clean);
        if (run === 1) {
          result.bytes = outputBytes(path.join(dir, 'dist'));
          ({ first: result.firstSearch, pinyin: result.pinyin } = await firstSearch(
            browser,
            path.join(dir, 'dist'),
          ));
        }
        const rebuild = options.rebuild ? await build(dir, `build-${run}-rebuild`) : undefined;
        if (rebuild) result.rebuild.push(rebuild);
        let addOne: Build | undefined;
        if (extraName.has(n)) {
          const added = addReport(n);
          addOne = await build(dir, `build-${run}-add-one`);
          result.addOne.push(addOne);
          if (options.compare) {
            const incremental = fileHashes(path.join(dir, 'dist'));
            wipe(dir);
            await build(dir, `build-${run}-clean-plus-one`);
            result.addOneDiffs.push(differences(incremental, fileHashes(path.join(dir, 'dist'))));
          }
          renameSync(added, extraOf(n));
        }
        let side = '';
        if (options.floor) {
          const floor = await withComparison('astro', corpusOf(n), async (site) => {
            const built = await build(site, `build-${run}-floor-${n}`, 'astro', scratch);
            if (run === 1) result.floorBytes = outputBytes(path.join(site, 'dist'));
            return built;
          });
          result.floor.push(floor);
          side += `  floor ${floor.seconds.toFixed(1)} s (CPU ${floor.cpu.toFixed(1)} s, peak ${floor.peakMib.toFixed(0)} MiB)`;
        }
        if (withStarlight(n)) {
          const starlight = await withComparison('starlight', corpusOf(n), (site) =>
            build(site, `build-${run}-starlight-${n}`, 'starlight', scratch),
          );
          result.starlight.push(starlight);
          side += `  starlight ${starlight.seconds.toFixed(1)} s (peak ${starlight.peakMib.toFixed(0)} MiB)`;
        }
        const diffs = result.addOneDiffs.at(-1);
        log(
          `run ${run}/${runs}  n=${n}  clean ${clean.seconds.toFixed(1)} s ` +
            `(CPU ${clean.cpu.toFixed(1)} s, peak ${clean.peakMib.toFixed(0)} MiB)  ` +
            (rebuild ? `rebuild ${rebuild.seconds.toFixed(1)} s` : '') +
            (addOne ? `  add one ${addOne.seconds.toFixed(1)} s` : '') +
            (diffs ? ` (${diffs.length ? `${diffs.length} file(s) differ` : 'identical'})` : '') +
            side,
        );
      }
  } finally {
    await browser.close();
  }

  if (options.eval || options.queries) evaluate();
  printReport();
  if (options.keep) log(`kept: ${scratch} (build logs are in each site-N folder)`);
} finally {
  if (browser.isConnected()) await browser.close();
  cleanUp();
}

/** Puts the set-aside (N+1)th report into the site; returns where it now is. */
function addReport(n: number): string {
  const target = path.join(siteOf(n), 'content/reports', extraName.get(n)!);
  renameSync(extraOf(n), target);
  return target;
}

/**
 * Bytes and time of a cold first search from /search/?q= until a result shows, compressed bodies as sent; then,
 * cold again, the pinyin lexicon files a Latin-letter query fetched before its results.
 */
async function firstSearch(browser: Browser, dist: string) {
  const server = await serveGzip(dist);
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await recordMarks(page);
    const from = epochNow();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(options.query)}`);
    const marks = await waitForMark(page);
    const first = {
      ...server.between(from, marks.results!),
      ms: marks.results! - marks.timeOrigin,
    };
    await context.close();
    const latin = await browser.newContext({ locale: 'zh-CN' });
    const latinPage = await latin.newPage();
    await recordMarks(latinPage);
    const sentBefore = server.sent.length;
    await latinPage.goto(`${server.origin}/search/?q=${encodeURIComponent(options.pinyin)}`);
    const latinMarks = await waitForMark(latinPage);
    const lexicon = server.sent
      .slice(sentBefore)
      .filter((s) => s.at <= latinMarks.results! && s.url.startsWith('/search/pinyin'));
    await latin.close();
    const pinyin = { bytes: lexicon.reduce((sum, s) => sum + s.bytes, 0), files: lexicon.length };
    return { first, pinyin };
  } finally {
    await server.close();
  }
}

function printReport(): void {
  // Ratios are taken run by run, then the median: the load of other jobs drifts over minutes,
  // and builds of the same run ran side by side.
  const of = (builds: Build[], key: 'seconds' | 'cpu' | 'peakMib') => builds.map((b) => b[key]);
  const pairedRatio = (over: Build[], under: Build[], key: 'seconds' | 'cpu' | 'peakMib') =>
    under.length ? median(over.map((build, run) => build[key] / under[run]![key])) : NaN;
  const med = (builds: Build[], key: 'seconds' | 'cpu' | 'peakMib') =>
    builds.length ? median(of(builds, key)) : NaN;
  const fixed = (value: number, digits = 1) =>
    Number.isFinite(value) ? value.toFixed(digits) : '–';
  const table = (widths: number[], head: string[], rows: string[][]) => {
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('');
    console.log(line(head));
    for (const cells of rows) console.log(line(cells));
  };
  const [smallest, largest] = [results[0]!, results.at(-1)!];

  console.log(
    `\nscale: ${sizes.join(', ')} report(s), ${runs} run(s) each, sizes and sites interleaved; ` +
      'medians; ratios per run, then the median',
  );
  console.log(
    'this site: wall s (CPU s); rebuild = unchanged; add one = the N+1th report added, then built; ' +
      '"same" = its output byte-identical to a clean build of N+1',
  );
  table(
    [7, 16, 16, 8, 16, 8, 6, 10],
    ['reports', 'clean', 'rebuild', '÷clean', 'add one', '÷clean', 'same', 'peak MiB'],
    results.map((r) => [
      String(r.n),
      `${fixed(med(r.clean, 'seconds'))} (${fixed(med(r.clean, 'cpu'))})`,
      `${fixed(med(r.rebuild, 'seconds'))} (${fixed(med(r.rebuild, 'cpu'))})`,
      fixed(pairedRatio(r.rebuild, r.clean, 'seconds'), 2),
      `${fixed(med(r.addOne, 'seconds'))} (${fixed(med(r.addOne, 'cpu'))})`,
      fixed(pairedRatio(r.addOne, r.clean, 'seconds'), 2),
      r.addOneDiffs.length ? (r.addOneDiffs.every((d) => !d.length) ? 'yes' : 'NO') : '–',
      fixed(med(r.clean, 'peakMib'), 0),
    ]),
  );
  for (const r of results)
    for (const [run, diffs] of r.addOneDiffs.entries())
      if (diffs.length)
        console.log(
          `  n=${r.n} run ${run + 1}: ${diffs.length} file(s) differ from a clean build, e.g. ${diffs.slice(0, 5).join(', ')}`,
        );

  console.log(
    `\noutput per report in KiB (HTML / Pagefind / other); first search = cold /search/?q=${options.query} ` +
      `until a result, compressed bodies as sent; pinyin = lexicon files fetched for ${options.pinyin}`,
  );
  table(
    [7, 15, 26, 14, 10, 8, 18],
    [
      'reports',
      'output/report',
      'HTML / Pagefind / other',
      'first search',
      'requests',
      'ms',
      'pinyin (files)',
    ],
    results.map((r) => {
      const per = (bytes: number) => (bytes / r.n / 1024).toFixed(1);
      return [
        String(r.n),
        kib(r.bytes!.total / r.n),
        `${per(r.bytes!.html)} / ${per(r.bytes!.pagefind)} / ${per(r.bytes!.other)}`,
        kib(r.firstSearch!.bytes),
        String(r.firstSearch!.requests),
        r.firstSearch!.ms.toFixed(0),
        `${kib(r.pinyin!.bytes)} (${r.pinyin!.files})`,
      ];
    }),
  );

  if (options.floor || results.some((r) => r.starlight.length)) {
    console.log(
      '\nside by side, clean builds in the same run: wall s (CPU s), peak MiB; ' +
        '÷floor = this site over the floor (goal at 3,000: wall ≤ 1.75, memory ≤ 1.00)',
    );
    table(
      [7, 16, 10, 16, 10, 12, 10, 10, 16, 10],
      [
        'reports',
        'this site',
        'MiB',
        'floor',
        'MiB',
        'floor/report',
        '÷floor',
        'MiB ÷',
        'starlight',
        'MiB',
      ],
      results.map((r) => [
        String(r.n),
        `${fixed(med(r.clean, 'seconds'))} (${fixed(med(r.clean, 'cpu'))})`,
        fixed(med(r.clean, 'peakMib'), 0),
        `${fixed(med(r.floor, 'seconds'))} (${fixed(med(r.floor, 'cpu'))})`,
        fixed(med(r.floor, 'peakMib'), 0),
        r.floorBytes ? kib(r.floorBytes.total / r.n) : '–',
        fixed(pairedRatio(r.clean, r.floor, 'seconds'), 2),
        fixed(pairedRatio(r.clean, r.floor, 'peakMib'), 2),
        `${fixed(med(r.starlight, 'seconds'))} (${fixed(med(r.starlight, 'cpu'))})`,
        fixed(med(r.starlight, 'peakMib'), 0),
      ]),
    );
  }
  if (results.length > 1)
    console.log(
      `largest vs smallest: clean build ×${fixed(pairedRatio(largest.clean, smallest.clean, 'seconds'), 2)} ` +
        `(CPU ×${fixed(pairedRatio(largest.clean, smallest.clean, 'cpu'), 2)}), ` +
        `first-search bytes ×${fixed(largest.firstSearch!.bytes / smallest.firstSearch!.bytes, 2)}`,
    );

  const stepTable = (
    label: string,
    pick: (r: Result) => Build[],
    value: (b: Build, key: string) => number | undefined = (b, key) => b.steps.get(key),
    unit = 'seconds',
  ) => {
    console.log(`${label} by step, ${unit} (the build's own profile, src/node/build-profile.ts):`);
    const keys = Object.keys(STEPS);
    table(
      [7, ...keys.map((key) => Math.max(8, key.length + 2))],
      ['reports', ...keys],
      results.map((r) => [
        String(r.n),
        ...keys.map((key) => {
          const values = pick(r).flatMap((b) => value(b, key) ?? []);
          return values.length ? median(values).toFixed(unit === 'seconds' ? 1 : 0) : '–';
        }),
      ]),
    );
  };
  console.log('');
  stepTable('clean build', (r) => r.clean);
  // What figures on every report cost: the same corpus with and without, run by run.
  for (const figured of withFigures) {
    const plain = results.find((result) => result.n === figured.n)!;
    const cleanRatio = pairedRatio(figured.clean, plain.clean, 'seconds');
    const cpuFigures = pairedRatio(figured.clean, plain.clean, 'cpu');
    const perPlain = plain.bytes!.total / plain.n;
    const perFigures = figured.bytes!.total / figured.n;
    console.log(
      `figures at n=${figured.n}: clean ${med(figured.clean, 'seconds').toFixed(1)} s ` +
        `vs ${med(plain.clean, 'seconds').toFixed(1)} s (×${cleanRatio.toFixed(3)}, ` +
        `CPU ×${cpuFigures.toFixed(3)}); output/report ${kib(perFigures)} vs ${kib(perPlain)} ` +
        `(HTML ${(figured.bytes!.html / figured.n / 1024).toFixed(1)} KiB, ` +
        `other ${(figured.bytes!.other / figured.n / 1024).toFixed(1)} KiB); ` +
        `first search ${kib(figured.firstSearch!.bytes)}`,
    );
    console.log(
      `bench:scale:figures: n=${figured.n} build_ratio=${cleanRatio.toFixed(3)} ` +
        `cpu_ratio=${cpuFigures.toFixed(3)} bytes_per_report=${perFigures.toFixed(0)} ` +
        `bytes_per_report_plain=${perPlain.toFixed(0)}`,
    );
  }
  if (options.rebuild) stepTable('rebuild', (r) => r.rebuild);
  stepTable('add one', (r) => r.addOne);
  stepTable(
    'clean build',
    (r) => r.clean,
    (b, key) => b.stepPeaks.get(key),
    'peak MiB of the process tree',
  );

  const list = (values: number[], digits: number) => values.map((v) => fixed(v, digits)).join(',');
  const each = (pick: (r: Result) => number, digits: number) => list(results.map(pick), digits);
  console.log(
    `bench:scale: n=${sizes.join(',')} runs=${runs} ` +
      `build_s=${each((r) => med(r.clean, 'seconds'), 1)} cpu_s=${each((r) => med(r.clean, 'cpu'), 1)} ` +
      `rebuild_s=${each((r) => med(r.rebuild, 'seconds'), 1)} rebuild_ratio=${each((r) => pairedRatio(r.rebuild, r.clean, 'seconds'), 2)} ` +
      `addone_s=${each((r) => med(r.addOne, 'seconds'), 1)} addone_ratio=${each((r) => pairedRatio(r.addOne, r.clean, 'seconds'), 2)} ` +
      `addone_identical=${results.map((r) => (r.addOneDiffs.length ? String(r.addOneDiffs.every((d) => !d.length)) : '-')).join(',')} ` +
      `bytes_per_report=${each((r) => r.bytes!.total / r.n, 0)} peak_mb=${each((r) => med(r.clean, 'peakMib'), 0)} ` +
      `firstsearch_bytes=${each((r) => r.firstSearch!.bytes, 0)} ` +
      `pinyin_bytes=${each((r) => r.pinyin!.bytes, 0)} ` +
      [...results[0]!.quality.keys()]
        .map((name) => {
          const key = name.replace(/\.json$/, '').replace(/\W+/g, '_');
          return (
            `${key}_recall1=${each((r) => r.quality.get(name)!.recall1, 2)} ` +
            `${key}_p50ms=${each((r) => r.quality.get(name)!.p50ms, 0)} ` +
            `${key}_firstbytes=${each((r) => r.quality.get(name)!.firstBytes, 0)} `
          );
        })
        .join('') +
      `floor_s=${each((r) => med(r.floor, 'seconds'), 1)} floor_peak_mb=${each((r) => med(r.floor, 'peakMib'), 0)} ` +
      `floor_ratio=${each((r) => pairedRatio(r.clean, r.floor, 'seconds'), 2)} ` +
      `starlight_s=${each((r) => med(r.starlight, 'seconds'), 1)} starlight_peak_mb=${each((r) => med(r.starlight, 'peakMib'), 0)}`,
  );
}

/**
 * Scores the search query sets through each size's own search page (its dist holds N+1 reports
 * after the add-one build): recall@1 over the queries whose report the site holds, median query
 * time and the first query's bytes.
 */
function evaluate(): void {
  const table = (widths: number[], head: string[], rows: string[][]) => {
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('');
    console.log(line(head));
    for (const cells of rows) console.log(line(cells));
  };
  // The shared folder is read-only: run a copy that uses this project's playwright-core.
  const copy = path.join(scratch, 'search-eval');
  cpSync(path.join(shared, 'tools/search-eval'), copy, {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  const sets = [
    ...(options.eval ? [path.join(copy, 'scoped-queries-300.json')] : []),
    ...(options.queries ? [path.resolve(options.queries)] : []),
  ];
  for (const set of sets) {
    const name = path.basename(set);
    for (const result of results) {
      const dist = path.join(siteOf(result.n), 'dist');
      const json = path.join(scratch, `eval-${result.n}-${name}`);
      const out = node(
        [path.join(copy, 'eval-ui.mjs'), dist, set, '--quiet', '--json', json],
        copy,
      );
      log(`n=${result.n} ${name}: ${out.trim().split('\n').at(-1)}`);
      const rows = JSON.parse(readFileSync(json, 'utf8')) as {
        rank: number | null;
        ms: number;
        bytes: number;
        page: string[];
        group: string;
      }[];
      // Recall only over the queries whose report this site holds: a smaller corpus is a prefix
      // of a larger one, so one set serves every size.
      const held = rows.filter(
        (row) =>
          row.group === 'core' &&
          row.page.length > 0 &&
          row.page.every((page) => existsSync(path.join(dist, page, 'index.html'))),
      );
      result.quality.set(name, {
        scored: held.length,
        recall1: held.length ? held.filter((row) => row.rank === 1).length / held.length : NaN,
        p50ms: median(rows.map((row) => row.ms)),
        firstBytes: rows[0]?.bytes ?? NaN,
      });
    }
    const base = results[0]!.quality.get(name)!;
    console.log(
      `${name} through the search page (eval-ui.mjs), every size in this run; recall@1 over ` +
        'the queries whose report the site holds; time = navigation to results, warm cache:',
    );
    table(
      [7, 10, 8, 11, 12, 16, 18],
      [
        'reports',
        'recall@1',
        'scored',
        'median ms',
        '× smallest',
        'first query',
        'bytes × smallest',
      ],
      results.map((r) => {
        const q = r.quality.get(name)!;
        return [
          String(r.n),
          Number.isNaN(q.recall1) ? '—' : q.recall1.toFixed(2),
          String(q.scored),
          q.p50ms.toFixed(0),
          (q.p50ms / base.p50ms).toFixed(2),
          kib(q.firstBytes),
          (q.firstBytes / base.firstBytes).toFixed(2),
        ];
      }),
    );
  }
}
