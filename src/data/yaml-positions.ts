import {
  type Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node as YamlNode,
  parseDocument,
  visit,
} from 'yaml';

/**
 * A YAML text read with the `yaml` package's own positions, so every content message can say
 * `file:line` without searching the text by hand. Frontmatter, the synonym list and site.yml all
 * go through here.
 */
export interface PlacedYaml {
  doc: Document;
  /** The line (in the file) of the deepest part of `path` that is written; undefined if none is. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The line of every field and list item, by dotted path (agency.id, aliases.0). */
  lines(): Record<string, number>;
  /** Every comment written after a field's value or key (`published: 2025-03-20 # 待补充`). */
  comments(): { field: string; line: number; text: string }[];
  /** What the parser could not read, with its line and the parser's error code. */
  errors: { line: number; code: string }[];
}

/**
 * Reads `text`, whose first line is line `firstLine` of its file (frontmatter starts below the
 * opening ---). `uniqueKeys` refuses a key written twice, as the site's other YAML readers do.
 */
export function readYaml(text: string, firstLine = 1): PlacedYaml {
  // Parsed on first use: a valid frontmatter's values come from Astro's parser, and most of the
  // tens of thousands of files a build checks never need a position (a third of a clean
  // check's time went here).
  const counter = new LineCounter();
  let parsed: Document | undefined;
  const document = () =>
    (parsed ??= parseDocument(text, { lineCounter: counter, uniqueKeys: true }));
  const line = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const keyLine = (key: unknown) => {
    const offset = (key as { range?: [number] } | null)?.range?.[0];
    return offset === undefined ? undefined : line(offset);
  };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = document().contents;
    let found: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        found = keyLine(pair.key) ?? found;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!item) break;
        found = keyLine(item) ?? found;
        node = item;
      } else break;
    }
    return found;
  };
  const pathOf = (ancestors: readonly unknown[], last: unknown): string[] => {
    const keys: string[] = [];
    const chain = [...ancestors, last];
    chain.forEach((node, index) => {
      const parent = chain[index - 1];
      if (isPair(node) && isScalar(node.key)) keys.push(String(node.key.value));
      else if (isSeq(parent)) keys.push(String(parent.items.indexOf(node as never)));
    });
    return keys;
  };
  return {
    get doc() {
      return document();
    },
    lineOf,
    lines() {
      const lines: Record<string, number> = {};
      visit(document(), {
        Pair(_, pair, ancestors) {
          const at = keyLine(pair.key);
          if (at) lines[pathOf(ancestors, pair).join('.')] = at;
        },
        Node(_, node, ancestors) {
          const parent = ancestors.at(-1);
          const at = keyLine(node);
          if (isSeq(parent) && at) lines[pathOf(ancestors, node).join('.')] = at;
        },
      });
      return lines;
    },
    comments() {
      const found: { field: string; line: number; text: string }[] = [];
      // Every YAML comment starts with #.
      if (!text.includes('#')) return found;
      visit(document(), {
        Pair(_, pair, ancestors) {
          const value = pair.value as YamlNode | null;
          // A comment on the key's line: after a scalar value, or after `key:` opening a block.
          const text = isCollection(value) ? value.commentBefore : value?.comment;
          const at = keyLine(pair.key);
          if (text && at)
            found.push({ field: pathOf(ancestors, pair).join('.'), line: at, text: text.trim() });
        },
      });
      return found;
    },
    get errors() {
      return document().errors.map((error) => ({ line: line(error.pos[0]), code: error.code }));
    },
  };
}

/** The line (from 1) of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  )
    line++;
  return line;
}
