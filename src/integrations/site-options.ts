import type { AstroIntegration } from 'astro';
import { OPTIONS_KEY, type SiteOptions } from '../data/options.ts';

/**
 * Hands a run's options (drafts, content paths) to the code Astro runs, the content config
 * included, as a compile-time value: nothing travels through process.env, and two builds in one
 * process could not see each other's.
 */
export default function siteOptionsIntegration(options: SiteOptions): AstroIntegration {
  return {
    name: 'fzzf:site-options',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: { define: { [`import.meta.env.${OPTIONS_KEY}`]: JSON.stringify(options) } },
        });
      },
    },
  };
}
