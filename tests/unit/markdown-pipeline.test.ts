import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { describe, expect, it, vi } from 'vitest';
import { MARKDOWN_PIPELINE } from '../../src/markdown/pipeline.ts';

const renderWith = async (options: typeof MARKDOWN_PIPELINE, markdown: string) => {
  const processor = await createMarkdownProcessor({ syntaxHighlight: false, ...options });
  return (await processor.render(markdown, { frontmatter: { id: 's1' } })).code;
};
const render = (markdown: string) => renderWith(MARKDOWN_PIPELINE, markdown);

// As the 2024 fixture and many released reports write it: a bold quoted name, then Chinese.
const BOLD_QUOTE = '**“守护钱袋子”**项目,取得成效。';

describe('the site’s Markdown pipeline', () => {
  it('renders bold around Chinese quotation marks followed by Chinese, with full-width punctuation', async () => {
    const html = await render(BOLD_QUOTE);
    expect(html).toContain('<strong>“守护钱袋子”</strong>项目，取得成效。');
    expect(html).not.toContain('**');
  });

  it('needs remark-cjk-friendly for that: CommonMark alone leaves the asterisks', async () => {
    const withoutCjk = {
      ...MARKDOWN_PIPELINE,
      remarkPlugins: MARKDOWN_PIPELINE.remarkPlugins.filter(
        (plugin) => plugin !== remarkCjkFriendly,
      ),
    };
    expect(withoutCjk.remarkPlugins.length).toBe(MARKDOWN_PIPELINE.remarkPlugins.length - 1);
    expect(await renderWith(withoutCjk, BOLD_QUOTE)).toContain('**');
  });

  it('refuses raw HTML, as the build does', async () => {
    // The renderer also logs the failure; the rejection is what matters here.
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(render('段落<script>alert(1)</script>。')).rejects.toThrow(
        /不允许在 Markdown 中直接写 HTML/,
      );
    } finally {
      log.mockRestore();
    }
  });
});
