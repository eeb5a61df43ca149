/**
 * The site's paths with the configured base bound once (Starlight's pathWithBase): pages and
 * components import these instead of reading import.meta.env themselves. Vite replaces
 * BASE_URL at build time, so this module is safe in the browser too.
 */
import { BASE } from './site-base.ts';
import * as urls from './urls.ts';

export { BASE };

/** Every path builder of urls.ts, called without the base: `sitePaths.reportPath(folder)`. */
export const sitePaths = urls.withBase(BASE, urls.pathBuilders);
