import config from 'virtual:fzzf/site-config';
import type { SiteConfig } from '../schemas/site.ts';

/**
 * The validated site identity for pages: read by src/integrations/site-options.ts once per run,
 * and again when the file changes under npm run dev. A broken file stops the build.
 */
export function loadSiteConfig(): SiteConfig {
  return config;
}
