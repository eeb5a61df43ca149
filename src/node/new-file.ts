import { unlinkSync, writeFileSync } from 'node:fs';

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
