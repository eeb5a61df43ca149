import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROGRESS_ENV, PROGRESS_PREFIX } from '../build-profile.ts';

/**
 * A build started from the desk: `npm run build`'s own script (tools/build.ts) in a child
 * process, so the desk builds exactly as the command does (content check, lock, atomic switch),
 * with its progress read from the step lines it prints under FZZF_PROGRESS.
 */
export interface BuildJob {
  kind: 'preview' | 'site';
  started: number;
  finished?: number;
  /** Each step and when it started (ms since the epoch). */
  steps: { label: string; at: number }[];
  state: 'running' | 'done' | 'failed';
  /** What the build printed to its error stream (in Chinese), when it failed. */
  errors: string;
  siteUrl: string;
  outDir: string;
}

export function startBuild(options: {
  root: string;
  kind: BuildJob['kind'];
  siteUrl: string;
  /** The output folder; the preview has its own, beside dist/. */
  outDir: string;
  drafts: boolean;
  onEnd?: (job: BuildJob) => void;
}): BuildJob {
  const job: BuildJob = {
    kind: options.kind,
    started: Date.now(),
    steps: [],
    state: 'running',
    errors: '',
    siteUrl: options.siteUrl,
    outDir: options.outDir,
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITE_URL: options.siteUrl,
    OUT_DIR: options.outDir,
    [PROGRESS_ENV]: '1',
  };
  delete env['BASE_URL'];
  const child = spawn(
    process.execPath,
    [path.join(options.root, 'tools/build.ts'), ...(options.drafts ? ['--drafts'] : [])],
    { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith(PROGRESS_PREFIX))
        job.steps.push({ label: line.slice(PROGRESS_PREFIX.length).trim(), at: Date.now() });
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    // Bounded: a runaway log must not fill the desk's memory.
    if (job.errors.length < 100_000) job.errors += chunk;
  });
  const end = (ok: boolean) => {
    if (job.state !== 'running') return;
    job.state = ok ? 'done' : 'failed';
    job.finished = Date.now();
    options.onEnd?.(job);
  };
  child.on('error', () => end(false));
  child.on('close', (code) => end(code === 0));
  return job;
}
