import * as urls from './urls.ts';

/**
 * The site's paths with the configured base bound once (Starlight's pathWithBase): pages and
 * components import these instead of reading import.meta.env themselves. Vite replaces
 * BASE_URL at build time, so this module is safe in the browser too.
 */
export const BASE = urls.normaliseBase(import.meta.env.BASE_URL);

export const {
  homePath,
  reportPath,
  sectionPath,
  sectionAnchorPath,
  searchPath,
  assetPath,
  yearPath,
  agencyPath,
  reportDataPath,
  statutoryRulePath,
} = urls.withBase(BASE, urls.pathBuilders);
