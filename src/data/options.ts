import type { YearRange } from '../node/build-options.ts';
import { CONTENT_PATHS, type ContentPaths } from './paths.ts';

/** What one build or preview run was asked for, handed to the code Astro runs as a value. */
export interface SiteOptions {
  /** Whether reports marked `draft: true` are published (npm run dev, npm run build -- --drafts). */
  drafts: boolean;
  /** Where this run's content is. */
  paths: ContentPaths;
  /**
   * The years whose report pages this build renders, when the site is built in parts
   * (`npm run build -- --years 2016-2020`); every report otherwise.
   */
  years?: YearRange;
}

/** The key under import.meta.env that src/integrations/site-options.ts fills in. */
export const OPTIONS_KEY = 'FZZF_SITE_OPTIONS';

/**
 * This run's options: those the command gave Astro (tools/build.ts, tools/dev.ts), or, for Astro
 * started some other way (astro check), the site's own content with drafts only in dev.
 */
export function siteOptions(): SiteOptions {
  const given = import.meta.env?.[OPTIONS_KEY] as SiteOptions | undefined;
  return given ?? { drafts: import.meta.env?.DEV === true, paths: CONTENT_PATHS };
}
