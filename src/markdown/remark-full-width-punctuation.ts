import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { toFullWidthPunctuation } from '../lib/content/punctuation.ts';

/** Shows ASCII punctuation inside Chinese sentences in its full-width form; see src/lib/content/punctuation.ts. */
export default function remarkFullWidthPunctuation() {
  return (tree: Root) => {
    visit(tree, 'text', (node) => {
      node.value = toFullWidthPunctuation(node.value);
    });
  };
}
