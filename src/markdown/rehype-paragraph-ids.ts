import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Gives each top-level paragraph of a section an id from structure, not wording:
 * `<section id>-p<n>` (s1-2-p3 is the third paragraph of 一、(二)). The report's preamble
 * (report.md, which has no section id) uses `intro-p<n>`. Editing a sentence keeps every id;
 * only inserting or removing a paragraph shifts the ones after it.
 */
export function paragraphIdPrefix(frontmatter: Record<string, unknown> | undefined): string {
  const id = frontmatter?.['id'];
  return typeof id === 'string' && id ? id : 'intro';
}

export default function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
    const prefix = paragraphIdPrefix(astro?.frontmatter);
    let n = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && (node as Element).tagName === 'p') {
        n += 1;
        (node as Element).properties['id'] = `${prefix}-p${n}`;
      }
    }
  };
}
