/**
 * The line of a frontmatter field in a content file, so a message can say `file:line`. `field` is
 * the dotted path the messages use (agency.id, aliases.0); a body position arrives as
 * （正文第 N 行）. Returns 1 (the file's first line) when the field is not written at all, which is
 * where a missing field has to be added.
 */
export function fieldLine(source: string, field: string): number {
  const bodyLine = /正文第 (\d+) 行/.exec(field);
  if (bodyLine) return Number(bodyLine[1]);
  const lines = source.split(/\r?\n/);
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return 1;
  const keys = field.split('.').filter((key) => !/^\d+$/.test(key));
  if (!keys.length || keys.some((key) => !/^[A-Za-z_][\w-]*$/.test(key))) return 1;
  // Walk the frontmatter keeping the chain of keys that encloses each line, by indentation.
  const chain: { key: string; indent: number }[] = [];
  let best = 1;
  let bestDepth = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^---\s*$/.test(line)) break;
    const match = /^(\s*)([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (chain.length && chain.at(-1)!.indent >= indent) chain.pop();
    chain.push({ key: match[2]!, indent });
    const depth = matchDepth(chain, keys);
    if (depth > bestDepth) {
      best = index + 1;
      bestDepth = depth;
      if (depth === keys.length) return best;
    }
  }
  return best;
}

/** How many of `keys`, from the first, the chain spells out exactly. */
function matchDepth(chain: readonly { key: string }[], keys: readonly string[]): number {
  if (chain.length > keys.length) return 0;
  for (let index = 0; index < chain.length; index += 1)
    if (chain[index]!.key !== keys[index]) return 0;
  return chain.length;
}
