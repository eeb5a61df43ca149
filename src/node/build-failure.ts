import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { ContentError } from '../lib/content/errors.ts';
import { fileSystemProblem } from './fs-errors.ts';
import { PublishError } from './publish.ts';

/** Where an unexpected error's details go, beside the site folder; publishers send it on. */
export function errorLogPath(outDir: string): string {
  return path.join(path.dirname(outDir), 'build-error.log');
}

/**
 * What a failed build tells the publisher, in Chinese: the state of the site, then the content
 * problems, or the publishing problem, or (for anything unexpected) where the details were
 * written. No stack trace or English library message is shown.
 */
export function describeFailure(error: unknown, root: string, outDir: string): string {
  const shown = path.relative(root, outDir) || outDir;
  const kept = existsSync(outDir)
    ? `上一次成功生成的网站（${shown}/）保持不变。`
    : '尚无已生成的网站。';
  const known = findKnown(error);
  if (known) return `\n网站生成失败，${kept}\n\n${known.message}\n`;
  // A full disk or a folder without write permission: the publisher can fix it, and a log
  // file could not be written there anyway.
  const disk = fileSystemProblem(error);
  if (disk) {
    const where = disk.path ?? path.dirname(outDir);
    const shownWhere = path.relative(root, where) || where;
    return `\n网站生成失败，${kept}\n\n${disk.reason}：无法写入 ${shownWhere}。${disk.advice}。\n`;
  }
  const log = errorLogPath(outDir);
  try {
    writeFileSync(log, `${new Date().toISOString()}\n${inspect(error, { depth: 8 })}\n`, 'utf8');
  } catch {
    return `\n网站生成时出现意外错误，${kept}\n\n错误详情无法写入 ${log}，请联系网站技术人员。\n`;
  }
  return `\n网站生成时出现意外错误，${kept}\n\n错误详情已写入 ${path.relative(root, log) || log}。请把这个文件发给网站技术人员。\n`;
}

/** A ContentError or PublishError, also when Astro or Vite wrapped it. */
function findKnown(error: unknown): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof ContentError || current instanceof PublishError) return current;
    if (current.name === 'ContentError' || current.name === 'PublishError') return current;
    current = current.cause;
  }
  return undefined;
}
