import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEPLOY_FILE } from '../../data/deploy-config.ts';
import { folderVersion } from '../../data/report-plan.ts';
import {
  type ProposedFigure,
  proposedFiguresBlock,
  withProposedFigures,
} from '../../lib/import/figures.ts';
import type { ImportPlan } from '../../lib/import/plan.ts';
import { writeReportFolder } from '../import-input.ts';
import { replaceFileSync } from '../new-file.ts';
import { withBuildLock } from '../publish.ts';
import { renderReportFiles } from '../report-files.ts';
import { isContentFileName, reportFolderPath } from './security.ts';

/**
 * Everything the desk writes into content/, each write atomic and under the build's lock: a
 * build (or another desk) never reads half a file, and a save never lands in the middle of a
 * build. Files are rendered by the importer's renderer, so they are the files `npm run import`
 * writes.
 */

export class SaveRefused extends Error {
  readonly reason: 'busy' | 'changed' | 'exists' | 'path';
  constructor(reason: SaveRefused['reason']) {
    super(reason);
    this.reason = reason;
  }
}

async function locked<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withBuildLock(outDir, work);
  } catch (error) {
    if ((error as Error).name === 'PublishError') throw new SaveRefused('busy');
    throw error;
  }
}

/**
 * Saves a report: a new folder is written whole (as the importer does); an existing one file by
 * file, section files no longer in the plan removed. `expectedVersion` (the stamp the form was
 * made from) must still match, so two desks never overwrite each other's edits unseen.
 */
export async function saveReportPlan(options: {
  reportsDir: string;
  outDir: string;
  plan: ImportPlan;
  expectedVersion?: string;
  replace?: boolean;
  /** Figures still to be confirmed, written back as report.md's commented-out 请核对 block. */
  proposedFigures?: readonly ProposedFigure[];
}): Promise<string> {
  const { plan } = options;
  const target = reportFolderPath(options.reportsDir, plan.folder);
  if (!target) throw new SaveRefused('path');
  const files = renderReportFiles(plan);
  if (options.proposedFigures?.length)
    files.set(
      'report.md',
      withProposedFigures(files.get('report.md')!, proposedFiguresBlock(options.proposedFigures)),
    );
  for (const name of files.keys()) if (!isContentFileName(name)) throw new SaveRefused('path');
  return locked(options.outDir, async () => {
    const exists = existsSync(target);
    if (options.expectedVersion === undefined) {
      if (exists && !options.replace) throw new SaveRefused('exists');
      await mkdir(options.reportsDir, { recursive: true });
      await writeReportFolder(target, files, exists);
      return folderVersion(target);
    }
    if (!exists || folderVersion(target) !== options.expectedVersion)
      throw new SaveRefused('changed');
    for (const [name, text] of files) replaceFileSync(path.join(target, name), text);
    for (const name of await readdir(target))
      if (isContentFileName(name) && name !== 'report.md' && !files.has(name))
        await rm(path.join(target, name), { force: true });
    return folderVersion(target);
  });
}

/** Remembers the site's address in content/deploy.yml. */
export async function saveDeploySiteUrl(contentDir: string, siteUrl: string): Promise<void> {
  const file = path.join(contentDir, DEPLOY_FILE);
  replaceFileSync(
    file,
    `# 网站上线后的完整地址（SITE_URL），由编辑台（npm run desk）记下，生成网站时使用。\n# 在命令行生成时仍写作：SITE_URL=${siteUrl} npm run build\nsiteUrl: ${JSON.stringify(siteUrl)}\n`,
  );
}
