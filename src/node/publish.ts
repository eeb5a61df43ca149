import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { publishStepReason } from './fs-errors.ts';

/**
 * Publishing a build so that `dist/` always holds a whole site, the old one or the new one,
 * whatever instant the build is killed at.
 *
 * `dist` is a symbolic link to a versioned folder in `.dist-versions/`. A build writes a new
 * version beside the live one, makes a new link under a temporary name and renames it over `dist`:
 * rename(2) replaces the link in one step, so a reader (nginx, `astro preview`, the tests) sees
 * either link and never a missing or half-written `dist/`. Old versions, temporary links and the
 * staging folders of killed builds are removed at the start and the end of every build. A lock
 * file keeps two builds from interleaving.
 *
 * Deleting a replaced version (tens of thousands of files at a few thousand reports) takes
 * seconds of waiting on the disk. With a `trash` folder, a replaced version is moved there in
 * one rename instead, and the next publish deletes it in a worker thread while its own build
 * runs: the deletion overlaps the build rather than adding to it. The trash is never served;
 * a kill during deletion leaves part of it, which the next publish deletes.
 *
 * The one non-atomic moment is the first build after `dist/` was a plain folder (sites built before
 * this scheme): the folder is moved into `.dist-versions/` and the link takes its place, two
 * renames. Killed between them, `dist` is missing until the next build, whose start puts the
 * folder back before anything else.
 */

/** The boundaries between publishing steps, where tests kill the build to prove the claim above. */
export const PUBLISH_STEPS = [
  'locked',
  'cleaned',
  'built',
  'linked',
  'moved-legacy',
  'switched',
  'pruned',
] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];

/** A problem publishing that the publisher can act on, worded in Chinese. */
export class PublishError extends Error {
  override name = 'PublishError';
}

export interface PublishOptions {
  /** Where the site is served from (a link after the first build), e.g. <root>/dist. */
  outDir: string;
  /** Builds the whole site into an empty folder; throws on failure. */
  build: (dir: string) => Promise<void>;
  /** Called at each step boundary (tests kill the process there). */
  onStep?: (step: PublishStep) => void | Promise<void>;
  /** Time for a version folder's name; the clock by default. */
  now?: () => Date;
  /**
   * Where replaced versions wait to be deleted, on the same file system as `outDir` (see
   * above); without it, or when a move there fails, they are deleted at once.
   */
  trash?: string;
}

/** The files publishing keeps beside `outDir`. */
export function publishPaths(outDir: string) {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  return {
    parent,
    name,
    versions: path.join(parent, `.${name}-versions`),
    lock: path.join(parent, `.${name}.lock`),
    tempLink: (pid: number) => path.join(parent, `.${name}-link-${pid}`),
  };
}

export async function publishSite({
  outDir,
  build,
  onStep,
  now = () => new Date(),
  trash,
}: PublishOptions): Promise<void> {
  const paths = publishPaths(outDir);
  await fsStep('准备输出目录', () => mkdir(paths.parent, { recursive: true }));
  await acquireLock(paths.lock);
  let emptying: Promise<void> | undefined;
  try {
    await fsStep('准备输出目录', () => mkdir(paths.versions, { recursive: true }));
    await onStep?.('locked');
    await restoreLegacy(outDir, paths.versions);
    await removeLeftovers(outDir, trash);
    // Only what is in the trash now: what this build moves there waits for the next one.
    if (trash) emptying = emptyTrash(trash);
    await onStep?.('cleaned');

    const stamp = now().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15);
    const version = path.join(paths.versions, `${stamp}-${process.pid}`);
    const link = paths.tempLink(process.pid);
    let switched = false;
    try {
      await build(version);
      await onStep?.('built');
      await fsStep('切换网站', async () => {
        await rm(link, { force: true });
        await symlink(path.relative(paths.parent, version), link);
      });
      await onStep?.('linked');
      if ((await kindOf(outDir)) === 'folder') {
        await fsStep('切换网站', () =>
          rename(outDir, path.join(paths.versions, `legacy-${stamp}-${process.pid}`)),
        );
        await onStep?.('moved-legacy');
      }
      await fsStep('切换网站', () => rename(link, outDir));
      switched = true;
      await onStep?.('switched');
    } catch (error) {
      // What a failed build wrote is never linked; remove it now rather than at the next start,
      // and put a plain dist/ folder back if it was already moved aside.
      if (!switched) {
        await rm(link, { force: true }).catch(() => undefined);
        await rm(version, { recursive: true, force: true }).catch(() => undefined);
        await restoreLegacy(outDir, paths.versions).catch(() => undefined);
        // A first build that fails leaves the folder as it found it.
        await rmdir(paths.versions).catch(() => undefined);
      }
      throw error;
    }
    await removeLeftovers(outDir, trash);
    await onStep?.('pruned');
  } finally {
    // Held until the trash is empty, so that two builds never delete the same files.
    await emptying;
    await releaseLock(paths.lock);
  }
}

/**
 * Deletes everything in `trash` in a worker thread, so that the deletion goes on while the
 * main thread builds (the content check and page rendering block it for seconds at a time).
 * Never fails: what is left is deleted next time.
 */
async function emptyTrash(trash: string): Promise<void> {
  const entries = await readdir(trash).catch(() => [] as string[]);
  if (!entries.length) return;
  const worker = new Worker(
    `const { rmSync } = require('node:fs');
     const { workerData } = require('node:worker_threads');
     for (const each of workerData) {
       try { rmSync(each, { recursive: true, force: true }); } catch {}
     }`,
    { eval: true, workerData: entries.map((entry) => path.join(trash, entry)) },
  );
  await new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    worker.once('error', () => resolve());
  });
}

/**
 * Runs `work` holding the build's lock, so that it never overlaps a build of `outDir` (which
 * reads content) or another holder: the desk saves content files this way. Throws PublishError
 * when a build is running.
 */
export async function withBuildLock<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  const paths = publishPaths(outDir);
  await fsStep('准备输出目录', () => mkdir(paths.parent, { recursive: true }));
  await acquireLock(paths.lock);
  try {
    return await work();
  } finally {
    await releaseLock(paths.lock);
  }
}

async function kindOf(file: string): Promise<'missing' | 'link' | 'folder' | 'other'> {
  try {
    const stat = await lstat(file);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** A build killed while replacing a plain `dist/` folder left it in the versions folder: put it back. */
async function restoreLegacy(outDir: string, versions: string) {
  if ((await kindOf(outDir)) !== 'missing') return;
  const legacy = (await readdir(versions)).filter((entry) => entry.startsWith('legacy-')).sort();
  const newest = legacy.at(-1);
  if (newest) await fsStep('恢复上一次的网站', () => rename(path.join(versions, newest), outDir));
}

/**
 * Removes what killed or finished builds leave: versions `outDir` does not point to, temporary
 * links, and the staging and previous folders of the earlier two-rename scheme. Versions go to
 * `trash` when there is one.
 */
export async function removeLeftovers(outDir: string, trash?: string): Promise<void> {
  const paths = publishPaths(outDir);
  let live: string | undefined;
  if ((await kindOf(outDir)) === 'link') live = path.resolve(paths.parent, await readlink(outDir));
  for (const entry of await readdir(paths.versions).catch(() => [] as string[])) {
    const full = path.join(paths.versions, entry);
    if (full === live) continue;
    if (trash && (await moveToTrash(full, trash))) continue;
    await fsStep('清理旧版本', () => rm(full, { recursive: true, force: true }));
  }
  for (const entry of await readdir(paths.parent)) {
    const mine =
      entry.startsWith(`.${paths.name}-link-`) ||
      entry.startsWith(`.${paths.name}-staging-`) ||
      entry.startsWith(`.${paths.name}-previous-`);
    if (mine)
      await fsStep('清理旧版本', () =>
        rm(path.join(paths.parent, entry), { recursive: true, force: true }),
      );
  }
}

/** Moves `folder` into `trash` under a name of its own; false when it cannot (another disk). */
async function moveToTrash(folder: string, trash: string): Promise<boolean> {
  try {
    await mkdir(trash, { recursive: true });
    const name = `${path.basename(folder)}-${process.pid}-${Date.now().toString(36)}`;
    await rename(folder, path.join(trash, name));
    return true;
  } catch {
    return false;
  }
}

interface LockInfo {
  pid: number;
  started: string;
}

async function acquireLock(lock: string, attempt = 0): Promise<void> {
  try {
    const handle = await open(lock, 'wx');
    const info: LockInfo = { pid: process.pid, started: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(info));
    await handle.close();
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      return fsStep('加锁', () => Promise.reject(error));
  }
  const holder = await readLock(lock);
  if (holder && isAlive(holder.pid))
    throw new PublishError(
      `另一次网站生成正在进行（进程号 ${holder.pid}，开始于 ${new Date(holder.started).toLocaleString('zh-CN', { hour12: false })}）。` +
        `请等它结束后再运行。如果确定没有其他生成在运行，删除文件 ${path.relative(process.cwd(), lock) || lock} 后重试。`,
    );
  // The holder was killed: its lock is stale and its leftovers are cleaned once we hold it.
  if (attempt > 2) throw new PublishError(`无法取得生成锁 ${lock}，请删除该文件后重试。`);
  await unlink(lock).catch(() => undefined);
  return acquireLock(lock, attempt + 1);
}

async function readLock(lock: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(lock, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseLock(lock: string) {
  const holder = await readLock(lock);
  if (holder?.pid === process.pid) await unlink(lock).catch(() => undefined);
}

/** Runs a file-system step; a failure a publisher can fix becomes a PublishError in Chinese. */
async function fsStep<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { path: where } = error as NodeJS.ErrnoException;
    const reason = publishStepReason(error);
    if (!reason) throw error;
    throw new PublishError(
      `${what}失败：${reason}（${where ?? ''}）。请检查该目录的权限和磁盘空间后重试。`,
      { cause: error },
    );
  }
}
