import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precompressFolder } from '../node/compression.ts';

/**
 * Writes `<file>.br` beside the stylesheets and scripts Astro emits (src/node/compression.ts):
 * every page loads them, so they go at Brotli's best, not at the level nginx can afford per
 * request. Pagefind's script gets its own with the index (src/node/engine-files.ts).
 */
export default function precompress(): AstroIntegration {
  return {
    name: 'fzzf:precompress',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await precompressFolder(path.join(fileURLToPath(dir), '_astro'));
      },
    },
  };
}
