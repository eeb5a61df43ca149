import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';
import remarkFullWidthPunctuation from './remark-full-width-punctuation.ts';
import remarkSafeContent from './remark-safe-content.ts';

/**
 * The site's Markdown pipeline, in order. astro.config.mjs hands it to Astro (MDX inherits
 * it) and the unit tests render through it, so a test sees the ids and text the site shows.
 * smartypants is off: the publisher's quotation marks stay as written.
 */
export const MARKDOWN_PIPELINE = {
  smartypants: false,
  // Safety first, so nothing unsafe reaches another plugin; remark-cjk-friendly lets **“…”**
  // next to Chinese be emphasis, which CommonMark's flanking rules refuse.
  remarkPlugins: [remarkSafeContent, remarkCjkFriendly, remarkFullWidthPunctuation],
  rehypePlugins: [rehypeParagraphIds, rehypeParagraphLinks],
} satisfies UnifiedProcessorOptions;
