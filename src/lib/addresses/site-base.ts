import { normaliseBase } from './base.ts';

/**
 * The configured base path, bound once; Vite replaces BASE_URL at build time. Re-exported by
 * site-paths.ts; the page script every page loads imports it from here, without the path builders.
 */
export const BASE = normaliseBase(import.meta.env.BASE_URL);
