// How the build and the first search grow with the number of reports. For each N given, a scratch
// copy of this project gets N synthetic reports (shared tools/corpus), then is built clean and
// rebuilt unchanged; sizes are interleaved run by run so machine noise hits them alike.
// Prints build times, output bytes per report, peak memory of the build process tree, the bytes
// a cold first search fetches in Chromium (--query, and the pinyin data a Latin query loads), and
// with --queries/--eval, at every size, scoped recall@1, median query time and the first query's
// bytes from the site's own search page; then one machine-readable line.
// Usage: npm run bench:scale -- 1 300 3000 [--runs 3] [--query 一网通办] [--pinyin yiwangtongban]
//        [--eval] [--queries FILE] [--keep] [--no-rebuild]
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
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

const { values: options, positionals } = parseArgs({
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
  },
});
const sizes = [...new Set(positionals.map(Number))].sort((a, b) => a - b);
const runs = Number(options.runs);
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1)) {
  console.error(
    'usage: npm run bench:scale -- N [N …] [--runs 3] [--query Q] [--pinyin Q] [--eval] [--queries FILE] [--keep] [--no-rebuild]  (N ≤ 4230)',
  );
  process.exit(2);
}
const shared = sharedToolsDir();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'fzzf-scale-'));
const cleanUp = () => {
  if (!options.keep) rmSync(scratch, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const node = (args: string[], cwd = ROOT) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });

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
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(ROOT, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(entry))
      symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
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

/** `npm run build` in a scratch copy: wall and CPU time, peak memory, its output kept in a log. */
function build(dir: string, logName: string): Promise<Build> {
  const logFile = path.join(dir, `${logName}.log`);
  const timeFile = path.join(dir, `${logName}.time`);
  const out = createWriteStream(logFile);
  const command = [process.execPath, 'tools/build.ts'];
  if (GNU_TIME) command.unshift(GNU_TIME, '-f', '%U %S', '-o', timeFile);
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: dir,
    // Root base path, whatever the caller's environment says: the bench serves dist/ at /.
    // FZZF_PROFILE: the build ends its log with the time of each step.
    env: { ...process.env, SITE_URL: 'https://www.example.gov.cn/', FZZF_PROFILE: '1' },
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
  const poll = setInterval(() => (peak = Math.max(peak, treeRssKib(child.pid!))), 100);
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
          return resolve({ seconds, cpu, peakMib: peak / 1024, steps: stepsOf(log) });
        }
        const tail = log.split('\n').slice(-30).join('\n');
        reject(new Error(`build failed in ${dir} (log ${logFile}):\n${tail}`));
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

interface Result {
  n: number;
  clean: Build[];
  rebuild: Build[];
  bytes?: ReturnType<typeof outputBytes>;
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
const results: Result[] = sizes.map((n) => ({ n, clean: [], rebuild: [], quality: new Map() }));
const siteOf = (n: number) => path.join(scratch, `site-${n}`);

try {
  for (const n of sizes) {
    log(`preparing ${n} report(s) in ${siteOf(n)}`);
    scratchProject(siteOf(n));
    const corpus = path.join(scratch, `corpus-${n}`);
    node([path.join(shared, 'tools/corpus/gen.mjs'), '--n', String(n), '--out', corpus]);
    node([
      path.join(shared, 'tools/corpus/adapt.mjs'),
      ...['--target', 'project', '--in', corpus, '--site', siteOf(n), '--replace-content'],
    ]);
    recordFirstEditions(siteOf(n));
  }

  for (let run = 1; run <= runs; run++)
    for (const result of results) {
      const dir = siteOf(result.n);
      for (const cache of CACHES) rmSync(path.join(dir, cache), { recursive: true, force: true });
      const clean = await build(dir, `build-${run}-clean`);
      const rebuild = options.rebuild
        ? await build(dir, `build-${run}-rebuild`)
        : { seconds: NaN, cpu: NaN, peakMib: NaN, steps: new Map<string, number>() };
      result.clean.push(clean);
      result.rebuild.push(rebuild);
      log(
        `run ${run}/${runs}  n=${result.n}  clean ${clean.seconds.toFixed(1)} s ` +
          `(CPU ${clean.cpu.toFixed(1)} s)  rebuild ${rebuild.seconds.toFixed(1)} s  ` +
          `peak ${clean.peakMib.toFixed(0)} MiB`,
      );
    }

  const browser = await launchBrowser();
  try {
    for (const result of results) {
      const dist = path.join(siteOf(result.n), 'dist');
      result.bytes = outputBytes(dist);
      const server = await serveGzip(dist);
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await recordMarks(page);
      const from = epochNow();
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(options.query)}`);
      const marks = await waitForMark(page);
      result.firstSearch = {
        ...server.between(from, marks.results!),
        ms: marks.results! - marks.timeOrigin,
      };
      await context.close();
      // A Latin-letter query, cold: how much of the pinyin lexicon it needed.
      const latin = await browser.newContext({ locale: 'zh-CN' });
      const latinPage = await latin.newPage();
      await recordMarks(latinPage);
      const sentBefore = server.sent.length;
      await latinPage.goto(`${server.origin}/search/?q=${encodeURIComponent(options.pinyin)}`);
      const latinMarks = await waitForMark(latinPage);
      const lexicon = server.sent
        .slice(sentBefore)
        .filter((s) => s.at <= latinMarks.results! && s.url.startsWith('/search/pinyin'));
      result.pinyin = {
        bytes: lexicon.reduce((sum, s) => sum + s.bytes, 0),
        files: lexicon.length,
      };
      await latin.close();
      await server.close();
    }
  } finally {
    await browser.close();
  }

  // --- Report ---------------------------------------------------------------------------------
  // Ratios are taken run by run, then the median: the load of other jobs drifts over minutes,
  // and builds of the same run ran side by side.
  const of = (builds: Build[], key: 'seconds' | 'cpu' | 'peakMib') => builds.map((b) => b[key]);
  const pairedRatio = (over: number[], under: number[]) =>
    median(over.map((value, run) => value / under[run]!));
  const [smallest, largest] = [results[0]!, results.at(-1)!];
  const cleanS = results.map((r) => median(of(r.clean, 'seconds')));
  const cpuS = results.map((r) => median(of(r.clean, 'cpu')));
  const rebuildS = results.map((r) => median(of(r.rebuild, 'seconds')));
  const rebuildRatio = results.map((r) =>
    pairedRatio(of(r.rebuild, 'seconds'), of(r.clean, 'seconds')),
  );
  const peak = results.map((r) => median(of(r.clean, 'peakMib')));
  const perReport = results.map((r) => r.bytes!.total / r.n);
  const first = results.map((r) => r.firstSearch!.bytes);
  const ratio = pairedRatio(of(largest.clean, 'seconds'), of(smallest.clean, 'seconds'));
  const cpuRatio = pairedRatio(of(largest.clean, 'cpu'), of(smallest.clean, 'cpu'));
  const firstRatio = first.at(-1)! / first[0]!;

  const table = (widths: number[], head: string[], rows: string[][]) => {
    const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('');
    console.log(line(head));
    for (const cells of rows) console.log(line(cells));
  };
  console.log(
    `\nscale: ${sizes.join(', ')} report(s), ${runs} run(s) each, sizes interleaved; medians; ` +
      'ratios per run, then the median',
  );
  console.log(
    `output per report in KiB (HTML / Pagefind / other); first search = cold /search/?q=${options.query} ` +
      `until a result, gzip bodies; pinyin = lexicon files fetched for ${options.pinyin}`,
  );
  table(
    [7, 10, 8, 11, 15, 10, 15, 26, 14, 10, 8, 18],
    [
      'reports',
      'clean s',
      'CPU s',
      'rebuild s',
      'rebuild/clean',
      'peak MiB',
      'output/report',
      'HTML / Pagefind / other',
      'first search',
      'requests',
      'ms',
      'pinyin (files)',
    ],
    results.map((r, i) => {
      const per = (bytes: number) => (bytes / r.n / 1024).toFixed(1);
      return [
        String(r.n),
        cleanS[i]!.toFixed(1),
        cpuS[i]!.toFixed(1),
        rebuildS[i]!.toFixed(1),
        rebuildRatio[i]!.toFixed(2),
        peak[i]!.toFixed(0),
        kib(perReport[i]!),
        `${per(r.bytes!.html)} / ${per(r.bytes!.pagefind)} / ${per(r.bytes!.other)}`,
        kib(first[i]!),
        String(r.firstSearch!.requests),
        r.firstSearch!.ms.toFixed(0),
        `${kib(r.pinyin!.bytes)} (${r.pinyin!.files})`,
      ];
    }),
  );
  if (results.length > 1)
    console.log(
      `largest vs smallest: clean build ×${ratio.toFixed(2)} (CPU ×${cpuRatio.toFixed(2)}), ` +
        `first-search bytes ×${firstRatio.toFixed(2)}`,
    );
  const stepTable = (label: string, pick: (r: Result) => Build[]) => {
    console.log(`${label} by step, seconds (the build's own profile, src/node/build-profile.ts):`);
    const keys = Object.keys(STEPS);
    table(
      [7, ...keys.map((key) => Math.max(8, key.length + 2))],
      ['reports', ...keys],
      results.map((r) => [
        String(r.n),
        ...keys.map((key) => {
          const values = pick(r).flatMap((b) => b.steps.get(key) ?? []);
          return values.length ? median(values).toFixed(1) : '?';
        }),
      ]),
    );
  };
  stepTable('clean build', (r) => r.clean);
  if (options.rebuild) stepTable('rebuild', (r) => r.rebuild);

  if (options.eval || options.queries) {
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

  const list = (values: number[], digits: number) => values.map((v) => v.toFixed(digits)).join(',');
  console.log(
    `bench:scale: n=${sizes.join(',')} runs=${runs} build_s=${list(cleanS, 1)} ` +
      `ratio=${ratio.toFixed(2)} cpu_s=${list(cpuS, 1)} cpu_ratio=${cpuRatio.toFixed(2)} ` +
      `rebuild_s=${list(rebuildS, 1)} rebuild_ratio=${list(rebuildRatio, 2)} ` +
      `bytes_per_report=${list(perReport, 0)} peak_mb=${list(peak, 0)} ` +
      `firstsearch_bytes=${list(first, 0)} firstsearch_ratio=${firstRatio.toFixed(2)} ` +
      `pinyin_bytes=${list(
        results.map((r) => r.pinyin!.bytes),
        0,
      )}` +
      [...results[0]!.quality.keys()]
        .map((name) => {
          const key = name.replace(/\.json$/, '').replace(/\W+/g, '_');
          const q = results.map((r) => r.quality.get(name)!);
          return ` ${key}_recall1=${list(
            q.map((x) => x.recall1),
            2,
          )} ${key}_p50ms=${list(
            q.map((x) => x.p50ms),
            0,
          )} ${key}_firstbytes=${list(
            q.map((x) => x.firstBytes),
            0,
          )}`;
        })
        .join(''),
  );
  if (options.keep) log(`kept: ${scratch} (build logs are in each site-N folder)`);
} finally {
  cleanUp();
}
