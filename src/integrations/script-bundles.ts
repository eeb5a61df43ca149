import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { ownModulesOf, staticImportGraph } from '../node/static-imports.ts';

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

/** Marks a module id as a copy (see ownScriptModules). */
const COPY = '?own-copy';
/** A module of the project's own, or a copy of one. */
const OWN_MODULE = /^[^?]*\/src\/[^?]*\.ts(?:\?own-copy)?$/;

/**
 * Keeps the every-page script (`everyPage`, src/scripts/site.ts) in one file, and gives the
 * search page's (`searchPage`, src/scripts/search-page.ts) no chunk beyond what it needs.
 *
 * Where the search page's code imports a module the every-page script runs, it gets a copy, so the
 * bundler never moves that module into a chunk shared with site.ts, which every page would then
 * fetch as a second request. The search page thus has the header's controls without a report's
 * tools (contents, paragraph links, citations). What a copy loads on demand is copied with it.
 * The search engine stays one chunk that the search page and the search as you type both load (a
 * reader who typed in a report page's box and pressed Enter has it already), with its own copy of
 * the few helpers it shares with site.ts. Code only report pages load on demand (the reader
 * settings' panel, the suggestions list) takes those helpers from site.ts, as usual.
 */
export function ownScriptModules(everyPage: string, searchPage: string): Plugin {
  let shared: Set<string>;
  let searchOwn: Set<string>;
  const root = (id: string) => id.replace(COPY, '');
  return {
    name: 'fzzf:own-script-modules',
    enforce: 'pre',
    apply: 'build',
    // Pages are rendered on the server side from the same modules, where chunks cost nothing.
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      shared = staticImportGraph(everyPage);
      searchOwn = ownModulesOf(searchPage, shared);
    },
    async resolveId(source, importer, options) {
      if (!importer || !OWN_MODULE.test(importer)) return null;
      const fromCopy = importer.endsWith(COPY);
      // Only the search page's code and copies take copies.
      if (!fromCopy && !searchOwn.has(importer)) return null;
      // The every-page script has import() too, so it has the helper around them.
      if (source === PRELOAD_HELPER) return `${PRELOAD_HELPER}${COPY}`;
      const resolved = await this.resolve(source, root(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !OWN_MODULE.test(resolved.id)) return resolved;
      const dynamic = (options as { kind?: string }).kind === 'dynamic-import';
      return shared.has(resolved.id) || (fromCopy && dynamic) ? `${resolved.id}${COPY}` : resolved;
    },
    async load(id) {
      if (!id.endsWith(COPY)) return null;
      if (id === `${PRELOAD_HELPER}${COPY}`) return PRELOAD_HELPER_CODE;
      return readFile(root(id), 'utf8');
    },
  };
}
