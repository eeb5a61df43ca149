// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import devContentErrors from './src/integrations/dev-content-errors.ts';
import pagefind from './src/integrations/pagefind.ts';
import { siteUrl } from './src/lib/addresses/urls.ts';
import rehypeParagraphIds from './src/markdown/rehype-paragraph-ids.ts';
import rehypeParagraphLinks from './src/markdown/rehype-paragraph-links.ts';
import remarkFullWidthPunctuation from './src/markdown/remark-full-width-punctuation.ts';
import remarkSafeContent from './src/markdown/remark-safe-content.ts';

const { site, base } = siteUrl(process.env.SITE_URL);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // A strict Content-Security-Policy (no 'unsafe-inline') must hold: no inlined styles or scripts.
    inlineStylesheets: 'never',
  },
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // MDX inherits this processor. smartypants off: the publisher's quotation marks stay as written.
    processor: unified({
      smartypants: false,
      remarkPlugins: [remarkSafeContent, remarkCjkFriendly, remarkFullWidthPunctuation],
      rehypePlugins: [rehypeParagraphIds, rehypeParagraphLinks],
    }),
  },
  integrations: [mdx(), pagefind(), devContentErrors()],
});
