import type { Node, Parent } from 'unist';

/**
 * What the checks need from a section's or preamble's body, read from its Markdown syntax tree:
 * structure problems, the links it makes, how many paragraphs get an id, and whether it has text.
 */
export interface BodyFacts {
  /** Top-level paragraphs: each gets an id (s1-2-p3) on the page. */
  paragraphs: number;
  /** The plain text of each top-level paragraph, in order, as written (figures are found in it). */
  texts: string[];
  /** False for a body of nothing but whitespace. */
  hasText: boolean;
  /** Links to places in the site (#id or /reports/…), checked against the ids that exist. */
  links: { url: string; line: number | undefined }[];
  /** Structure the content model does not allow, with the line in the body. */
  problems: { line: number | undefined; message: string }[];
}

/**
 * Reads body facts from a Markdown (mdast) tree. Headings are refused: parts and subsections are
 * files, so a heading in a body would be a second h1 or a level the outline skips, with an id made
 * from its wording; a lead-in is written in bold instead.
 */
export function inspectBody(tree: Node): BodyFacts {
  const facts: BodyFacts = { paragraphs: 0, texts: [], hasText: false, links: [], problems: [] };
  for (const child of (tree as Parent).children ?? [])
    if (child.type === 'paragraph') {
      facts.paragraphs += 1;
      facts.texts.push(plainText(child));
    }
  const walk = (node: Node) => {
    const value = (node as { value?: unknown }).value;
    if (node.type === 'text' && typeof value === 'string' && value.trim()) facts.hasText = true;
    // An image or an MDX construct is content too (the latter is refused on its own account).
    if (node.type === 'image' || node.type.startsWith('mdx')) facts.hasText = true;
    if (node.type === 'heading') {
      const depth = (node as { depth?: number }).depth ?? 1;
      facts.problems.push({
        line: node.position?.start.line,
        message: `正文中不能使用标题（${'#'.repeat(depth)}）：报告的部分和子部分各是一个文件，标题写在字段 title 中。若是段首的小标题，请改用加粗 **……**。`,
      });
    }
    if (node.type === 'link' || node.type === 'definition') {
      const url = (node as { url?: string }).url ?? '';
      if (url.startsWith('#') || url.startsWith('/reports/'))
        facts.links.push({ url, line: node.position?.start.line });
    }
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(tree);
  return facts;
}

/** The text of a node and its descendants, markup left out. */
export function plainText(node: Node): string {
  const value = (node as { value?: unknown }).value;
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof value === 'string')
    return value;
  return ((node as Parent).children ?? []).map(plainText).join('');
}
