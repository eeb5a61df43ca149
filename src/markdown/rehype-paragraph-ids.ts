import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { paragraphId } from '../lib/addresses/ids.ts';

/**
 * Gives each top-level paragraph of a section an id from structure, not wording (see
 * src/lib/addresses/ids.ts). The section id is the file's frontmatter `id`, which Astro hands
 * to Markdown plugins; the report's preamble (report.md) has none. Editing a sentence keeps
 * every id; only inserting or removing a paragraph shifts the ones after it.
 */
export default function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
    const id = astro?.frontmatter?.['id'];
    const sectionId = typeof id === 'string' ? id : undefined;
    let n = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && (node as Element).tagName === 'p') {
        n += 1;
        (node as Element).properties['id'] = paragraphId(sectionId, n);
      }
    }
  };
}
