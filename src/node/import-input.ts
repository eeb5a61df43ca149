import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Block } from '../lib/import/blocks.ts';
import type { TextEncodingName } from '../lib/import/encoding.ts';
import { blocksFromTextFile } from '../lib/import/input.ts';
import { messages, wordNotes } from '../lib/import/messages.ts';
import { readDocx } from './docx.ts';

/**
 * Reading a release and writing the report folder, shared by `npm run import` and the desk
 * (`npm run desk`), so both turn the same bytes into the same files.
 */

/** A refusal with a message for the publisher, in Chinese; anything else thrown is a bug. */
export class ImportRefused extends Error {}
const refuse = (message: string): never => {
  throw new ImportRefused(message);
};

/** The file types the importer reads, by lower-case extension. */
export const IMPORT_EXTENSIONS = ['.docx', '.txt', '.md', '.markdown'] as const;

export interface ImportInput {
  blocks: Block[];
  encoding?: TextEncodingName;
  /** How positions are counted: lines of a text file, paragraphs of a Word file. */
  unit: '行' | '段';
  /** What the file holds that is not imported (images), in Chinese. */
  notImported: string[];
  /** What an editor should check (Word's automatic numbering, merged cells), in Chinese. */
  notes: string[];
}

/**
 * A release's bytes as the importer's blocks. `name` is only used for its extension and in
 * messages; it is never a path to anything.
 */
export async function readImportInput(name: string, bytes: Uint8Array): Promise<ImportInput> {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.doc') refuse(messages.oldWord(name));
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension))
    refuse(messages.unsupported(name));
  if (extension === '.docx') {
    let document;
    try {
      document = await readDocx(bytes);
    } catch {
      return refuse(messages.unreadableWord(name));
    }
    const notes: string[] = [];
    if (document.autoNumbered) notes.push(wordNotes.autoNumbered(document.autoNumbered));
    if (document.mergedCells) notes.push(wordNotes.mergedCells(document.mergedCells));
    if (document.numberedHeadings)
      notes.push(wordNotes.numberedHeadings(document.numberedHeadings));
    return {
      blocks: document.blocks,
      unit: '段',
      notImported: document.images.map(wordNotes.image),
      notes,
    };
  }
  const text =
    blocksFromTextFile(bytes, extension === '.txt' ? 'txt' : 'md') ??
    refuse(messages.unknownEncoding(name));
  return { ...text, unit: '行', notImported: [], notes: [] };
}

/**
 * Writes a whole report folder: built beside the target and renamed into place, so a failure
 * never leaves half a report. An existing folder is replaced only when `replace` is set; it is
 * moved aside before the new one takes its name and removed after, so the folder is missing
 * for the time of one rename at most.
 */
export async function writeReportFolder(
  target: string,
  files: ReadonlyMap<string, string>,
  replace: boolean,
): Promise<void> {
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.import-${process.pid}`,
  );
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, content] of files) await writeFile(path.join(staging, name), content);
  const exists = await lstat(target).then(
    () => true,
    () => false,
  );
  if (exists && replace) {
    const aside = `${staging}-old`;
    await rm(aside, { recursive: true, force: true });
    await rename(target, aside);
    await rename(staging, target);
    await rm(aside, { recursive: true, force: true });
  } else await rename(staging, target);
}
