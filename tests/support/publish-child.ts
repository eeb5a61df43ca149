// A build process in miniature for the publishing tests: the real publishSite with a build that
// writes a one-file site saying `SITE`, killed at FZZF_KILL_AT or failing when FZZF_BUILD_FAILS.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publishSite, type PublishStep } from '../../src/node/publish.ts';

const outDir = process.env['OUT_DIR']!;
const killAt = process.env['FZZF_KILL_AT'] as PublishStep | undefined;
try {
  await publishSite({
    outDir,
    ...(process.env['TRASH'] ? { trash: process.env['TRASH'] } : {}),
    build: async (dir) => {
      if (process.env['FZZF_BUILD_FAILS']) throw new Error('build failed');
      await mkdir(path.join(dir, 'reports'), { recursive: true });
      await writeFile(path.join(dir, 'index.html'), process.env['SITE']!);
      await writeFile(path.join(dir, 'reports', 'index.html'), `${process.env['SITE']!} reports`);
    },
    onStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
