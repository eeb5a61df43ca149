// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { noModulePreload, ownScriptModules } from './src/integrations/script-bundles.ts';
import pagefind from './src/integrations/pagefind.ts';
import precompress from './src/integrations/precompress.ts';
import sectionSheets from './src/integrations/section-sheets.ts';
import siteOptions from './src/integrations/site-options.ts';
import { siteUrl } from './src/lib/addresses/urls.ts';
import { MARKDOWN_PIPELINE } from './src/markdown/pipeline.ts';

const { site, base } = siteUrl(process.env.SITE_URL);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Writing a page is mostly waiting for the file system; rendering several at once keeps the
    // CPU busy meanwhile (300 reports, 3,900 pages: the step takes about half as long as with 1).
    concurrency: 8,
    // A strict Content-Security-Policy (no 'unsafe-inline') must hold: no inlined styles or scripts.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              // A page script is named after its component (ReaderControls.<hash>.js), not after
              // Astro's module id (ReaderControls.astro_astro_type_script_index_0_lang.<hash>.js):
              // every page names three or four of them, a dozen pages per report.
              entryFileNames: (chunk) =>
                `_astro/${chunk.name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '').replace(/[^\w.-]/g, '_')}.[hash].js`,
            },
          },
        },
      },
    },
    plugins: [
      // The every-page script shares none of its modules with the search page's: each page then
      // loads one script, and the search engine is one chunk (src/integrations/script-bundles.ts).
      ownScriptModules(
        fileURLToPath(new URL('./src/scripts/site.ts', import.meta.url)),
        fileURLToPath(new URL('./src/scripts/search-page.ts', import.meta.url)),
      ),
      noModulePreload(),
    ],
  },
  experimental: {
    // A page whose cache key (src/data/page-keys.ts) and code are unchanged since the last build
    // is copied from Astro's cache (node_modules/.astro/…/dist/) instead of rendered again:
    // adding one report renders that report's pages, its neighbours' and the listings.
    incrementalBuild: true,
  },
  markdown: {
    // MDX inherits this processor.
    processor: unified(MARKDOWN_PIPELINE),
  },
  integrations: [mdx(), sectionSheets(), pagefind(), precompress(), siteOptions()],
});
