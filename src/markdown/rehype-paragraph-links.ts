import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui.ts';
import { aliasParagraphId, PARAGRAPH_ID } from '../lib/addresses/ids.ts';

/**
 * Runs after rehype-paragraph-ids. Each paragraph gets a link to itself, at its end: a plain
 * anchor without JavaScript, a copy-link control with it (src/scripts/permalinks.ts). The
 * pilcrow comes from CSS, so the paragraph's text, its search index entry and a reader's
 * copied selection stay the published wording. A section with former ids (frontmatter
 * `aliases`) also keeps each paragraph's former id, on an empty element at its start.
 */
export default function rehypeParagraphLinks() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
    const aliases = astro?.frontmatter?.['aliases'];
    const formerIds = Array.isArray(aliases)
      ? aliases.filter((alias): alias is string => typeof alias === 'string')
      : [];
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = node.properties['id'];
      if (typeof id !== 'string' || !PARAGRAPH_ID.test(id)) continue;
      const aliasSpans: Element[] = formerIds.map((alias) => ({
        type: 'element',
        tagName: 'span',
        properties: { id: aliasParagraphId(alias, id)!, className: ['id-alias'], dataAliasOf: id },
        children: [],
      }));
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['paragraph-anchor'],
          href: `#${id}`,
          ariaLabel: t('permalink.paragraph'),
        },
        children: [],
      };
      node.children = [...aliasSpans, ...node.children, link];
    }
  };
}
