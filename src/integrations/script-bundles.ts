import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/** Vite's helper around every import(), as it names the module. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** What the helper is here: the import, nothing preloaded alongside (see noModulePreload). */
const PRELOAD_HELPER_CODE = 'export const __vitePreload = (load) => load();';

/**
 * Vite wraps every import() in a preload helper (a kilobyte on every page) that fetches the
 * imported script's own imports and CSS alongside it. The scripts loaded on demand here (search as
 * you type, the landing highlight) import no CSS and are small enough for the browser to follow
 * their imports itself, so: no preload lists (build.modulePreload, set here because Astro
 * overrides the user's value) and a helper that only imports.
 */
export function noModulePreload(): Plugin {
  return {
    name: 'fzzf:no-module-preload',
    enforce: 'pre',
    config: () => ({ build: { modulePreload: false } }),
    load: (id) => (id === PRELOAD_HELPER ? PRELOAD_HELPER_CODE : undefined),
  };
}

/** Marks a module id as the copy bundled for one entry (see ownCopy). */
const COPY = '?own-copy';

/**
 * Gives one entry script its own copy of every module of the project it imports (and of the
 * preload helper), so that the bundler does not move the modules it shares with another entry
 * into a common chunk both would then fetch.
 *
 * Every page but the search page loads src/scripts/site.ts; the search page loads
 * src/scripts/search-page.ts. They share the header's code (the reader settings, the search box's
 * shortcut): a shared chunk would cost the report page a fifth request, and importing site.ts
 * whole would make the search page load a report's tools (contents, paragraph links, citations)
 * it has no use for. With its own copy, each page loads one script.
 */
export function ownCopy(entry: RegExp): Plugin {
  return {
    name: 'fzzf:own-copy',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      if (!importer || !(importer.endsWith(COPY) || entry.test(importer))) return null;
      if (source === PRELOAD_HELPER) return `${PRELOAD_HELPER}${COPY}`;
      const resolved = await this.resolve(source, importer.replace(COPY, ''), {
        ...options,
        skipSelf: true,
      });
      // Only the project's own scripts are copied; packages and virtual modules stay as they are.
      if (!resolved || resolved.external || !/\/src\/.*\.ts$/.test(resolved.id)) return resolved;
      return `${resolved.id}${COPY}`;
    },
    async load(id) {
      if (!id.endsWith(COPY)) return null;
      if (id === `${PRELOAD_HELPER}${COPY}`) return PRELOAD_HELPER_CODE;
      return readFile(id.slice(0, -COPY.length), 'utf8');
    },
  };
}
