import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { SheetError, splitSheet } from '../lib/portal/section-sheet.ts';
import { writeNewFile } from './new-file.ts';

/** Where Astro writes the sheets (src/pages/section-sheets/[report].astro), under the output folder. */
export const SHEETS_DIR = 'section-sheets';

/** A cut sheet's section pages are kept here (under Astro's cache folder) with the sheet itself. */
export const CUT_CACHE = 'section-pages';
const CUT_SHEET = 'sheet.html';

/**
 * Cuts the sheet of report `folder` (as Astro names it on disk) under `outDir` into its section
 * pages and data files, or links them back from `cacheDir` when the sheet is the one they were cut
 * from, then removes the sheet. Synchronous on purpose: it runs on a thread of its own
 * (src/node/sheet-worker.ts), where a report's dozen folders and files are each a system call of
 * a few microseconds, which a round trip through the thread pool costs several times over.
 * Nothing is ever written into an existing file: a page is a new file, and a cache folder is
 * emptied before new links go in, the sheet's last, so a folder cut halfway is never taken for a
 * whole one.
 */
export function cutSheet(outDir: string, cacheDir: string, folder: string): void {
  const file = path.join(outDir, SHEETS_DIR, folder, 'index.html');
  const kept = path.join(cacheDir, folder);
  const reportDir = path.join(outDir, 'reports', folder);
  const sheet = statSync(file);
  const keptSheet = statSync(path.join(kept, CUT_SHEET), { throwIfNoEntry: false });
  let restored = false;
  if (keptSheet?.ino === sheet.ino && keptSheet.dev === sheet.dev) {
    try {
      linkKept(kept, reportDir);
      restored = true;
    } catch {
      // A damaged cache only costs cutting the sheet again.
    }
  }
  if (!restored) cutAndKeep(file, kept, reportDir);
  unlinkSync(file);
}

/**
 * Links the pages kept from the same sheet into the report's folder, and its data files beside
 * it (kept under their own names, `<folder>.json`: never a page's `<id>.html`).
 */
function linkKept(kept: string, reportDir: string): void {
  const names = readdirSync(kept).filter((name) => name !== CUT_SHEET);
  mkdirSync(reportDir, { recursive: true });
  for (const name of names) {
    if (!name.endsWith('.html')) {
      linkSync(path.join(kept, name), path.join(path.dirname(reportDir), name));
      continue;
    }
    const dir = path.join(reportDir, name.slice(0, -'.html'.length));
    makeDir(dir);
    linkSync(path.join(kept, name), path.join(dir, 'index.html'));
  }
}

/**
 * Cuts the sheet into its section pages and data files and keeps them, with the sheet, for the
 * next build.
 */
function cutAndKeep(file: string, kept: string, reportDir: string): void {
  let pages, files;
  try {
    ({ pages, files } = splitSheet(readFileSync(file, 'utf8')));
  } catch (error) {
    if (error instanceof SheetError) throw new Error(`${file}: ${error.message}`, { cause: error });
    throw error;
  }
  rmSync(kept, { recursive: true, force: true });
  mkdirSync(kept, { recursive: true });
  let whole = true;
  const keep = (written: string, name: string) => {
    try {
      linkSync(written, path.join(kept, name));
    } catch {
      whole = false;
    }
  };
  for (const { id, html } of pages) {
    const name = encodeURI(id);
    const dir = path.join(reportDir, name);
    makeDir(dir);
    const page = path.join(dir, 'index.html');
    writeNewFile(page, html);
    keep(page, `${name}.html`);
  }
  for (const { extension, text } of files) {
    const name = `${path.basename(reportDir)}.${extension}`;
    const data = path.join(path.dirname(reportDir), name);
    writeNewFile(data, text);
    keep(data, name);
  }
  // Last: the kept pages count as whole only once the sheet they came from is beside them.
  if (whole) keep(file, CUT_SHEET);
}

/** A section page's folder; its report's folder exists (the report page is built from the same list). */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code === 'ENOENT') mkdirSync(dir, { recursive: true });
    else throw error;
  }
}
