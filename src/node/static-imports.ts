import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'rolldown/utils';

/** A module's imports of the project's own modules: absolute paths. */
export interface ModuleImports {
  /** What it imports or re-exports, which runs before it does (type-only imports excluded). */
  static: string[];
  /** What it loads on demand, import() of a literal path. */
  dynamic: string[];
}

type Read = (file: string) => string;
const readText: Read = (file) => readFileSync(file, 'utf8');

/** The relative imports of one module's scripts, resolved against its folder. */
export function moduleImports(file: string, read: Read = readText): ModuleImports {
  const { program, errors } = parseSync(file, read(file));
  if (errors.length)
    throw new Error(`could not read the imports of ${file}: ${errors[0]!.message}`);
  const resolve = (source: unknown) =>
    // Scripts only: a stylesheet's address (`x.css?url`) or a JSON file runs no code.
    typeof source === 'string' && source.startsWith('.') && /\.ts$/.test(source)
      ? [path.resolve(path.dirname(file), source)]
      : [];
  const found: ModuleImports = { static: [], dynamic: [] };
  for (const node of program.body) {
    if (
      (node.type === 'ImportDeclaration' && node.importKind !== 'type') ||
      ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') &&
        node.exportKind !== 'type')
    )
      found.static.push(...resolve(node.source?.value));
  }
  // import() can sit anywhere in the code: walk the whole tree for it.
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as { type?: string; source?: { type?: string; value?: unknown } };
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal')
      found.dynamic.push(...resolve(node.source.value));
    for (const child of Object.values(value)) walk(child);
  };
  walk(program.body);
  return found;
}

/** Every module reachable from `entry` by static imports alone, `entry` included. */
export function staticImportGraph(entry: string, read: Read = readText): Set<string> {
  const graph = new Set<string>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    graph.add(file);
    for (const next of moduleImports(file, read).static) visit(next);
  };
  visit(path.resolve(entry));
  return graph;
}

/**
 * The modules another entry loads under their own name, when it takes a copy of each module of
 * `shared` it imports (src/integrations/script-bundles.ts): a copy's static imports of modules
 * outside `shared`, and everything a copy loads with import() with its own static imports outside
 * `shared`, are its own again.
 */
export function ownModulesOf(
  entry: string,
  shared: Set<string>,
  read: Read = readText,
): Set<string> {
  const own = new Set<string>();
  const copies = new Set<string>();
  // A module can be reached both under its name and as a copy: read and parse it once.
  const parsed = new Map<string, ModuleImports>();
  const visit = (file: string, asCopy: boolean) => {
    const seen = asCopy ? copies : own;
    if (seen.has(file)) return;
    seen.add(file);
    let imports = parsed.get(file);
    if (!imports) parsed.set(file, (imports = moduleImports(file, read)));
    for (const next of imports.static) visit(next, shared.has(next));
    for (const next of imports.dynamic) visit(next, asCopy || shared.has(next));
  };
  visit(path.resolve(entry), false);
  return own;
}
