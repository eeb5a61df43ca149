import type { Plugin } from 'vite';

/**
 * A Vite plugin whose `handler` runs once every bundle is built and just before Astro generates
 * the pages: Astro generates them in a Vite buildApp hook of its own (enforce: 'post'), and a
 * plain plugin's post-order buildApp hook runs before it. Astro awaits what `handler` returns.
 */
export function beforePages(name: string, handler: () => unknown): Plugin {
  return { name, buildApp: { order: 'post', handler: async () => void (await handler()) } };
}
