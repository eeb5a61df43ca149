import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `file` as a new file. One already there (left by a restore that failed halfway) is
 * removed first, never written into: a built file may be a hard link shared with the build
 * caches and the live site.
 */
export function writeNewFile(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    unlinkSync(file);
    writeFileSync(file, content, { flag: 'wx' });
  }
}

/**
 * Replaces `file` with `content` through a temporary file in the same folder and a rename, so a
 * reader (a build, the desk) sees the old file or the new one, never half of one. The temporary
 * name starts with a dot: the content loader and the check pass over it.
 */
export function replaceFileSync(file: string, content: string): void {
  const temporary = temporaryBeside(file);
  writeFileSync(temporary, content);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A name beside `file` no other process picks. */
function temporaryBeside(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
}
