import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { paragraphPlan } from '../data/editions.ts';
import { paragraphId } from '../lib/addresses/ids.ts';

/**
 * A frontmatter key only code sets, never content (the schemas refuse unknown fields): the ids
 * to give the paragraphs of an earlier edition's text, rendered outside the content collections.
 */
export const GIVEN_IDS = '__paragraphIds';

/** The ids given through GIVEN_IDS, if any. */
export function givenIds(file: VFile): string[] | undefined {
  const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
  const ids = astro?.frontmatter?.[GIVEN_IDS];
  return Array.isArray(ids) ? (ids as string[]) : undefined;
}

/**
 * Gives each top-level paragraph of a section an id from structure, not wording (see
 * src/lib/addresses/ids.ts). The section id is the file's frontmatter `id`, which Astro hands
 * to Markdown plugins; the report's preamble (report.md) has none. A published report's ids
 * come from its edition record, where a paragraph keeps its id for good: inserting or removing
 * a paragraph never shifts the others. A draft's come from position.
 */
export default function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
    const id = astro?.frontmatter?.['id'];
    const sectionId = typeof id === 'string' ? id : undefined;
    const paragraphs = tree.children.filter(
      (node): node is Element => node.type === 'element' && node.tagName === 'p',
    );
    const given = givenIds(file) ?? paragraphPlan(file.path)?.ids;
    // A file edited since its last recorded edition (in npm run dev) falls back to position;
    // the content check names the change.
    const ids =
      given?.length === paragraphs.length
        ? given
        : paragraphs.map((_, n) => paragraphId(sectionId, n + 1));
    paragraphs.forEach((node, n) => (node.properties['id'] = ids[n]!));
  };
}
