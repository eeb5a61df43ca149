import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleImports, ownModulesOf, staticImportGraph } from '../../src/node/static-imports.ts';

const files: Record<string, string> = {
  '/p/site.ts':
    "import './a.ts';\nimport type { T } from './types.ts';\nexport { b } from './b.ts';",
  '/p/a.ts':
    "import { c } from '../q/c.ts';\nimport 'some-package';\nimport css from './a.css?url';\nvoid import('./lazy.ts');",
  '/p/b.ts': "export * from './a.ts';\nexport const b = 1;",
  '/q/c.ts': 'export const c = 1;',
  '/p/types.ts': 'export type T = 1;',
  '/p/lazy.ts': "import './b.ts';",
};
const read = (file: string) => {
  const text = files[file.split(path.sep).join('/')];
  if (text === undefined) throw new Error(`read ${file}`);
  return text;
};

describe('staticImportGraph', () => {
  it('follows imports and re-exports, not type-only imports, packages, stylesheets or import()', () => {
    expect([...staticImportGraph('/p/site.ts', read)].sort()).toEqual([
      '/p/a.ts',
      '/p/b.ts',
      '/p/site.ts',
      '/q/c.ts',
    ]);
  });

  it('names the file it cannot parse', () => {
    expect(() => staticImportGraph('/p/broken.ts', () => 'import {')).toThrow(/broken\.ts/);
  });

  it("reads the site's every-page script and its modules", () => {
    const graph = staticImportGraph(path.resolve('src/scripts/site.ts'));
    expect(graph).toContain(path.resolve('src/scripts/reader-controls.ts'));
    expect(graph).toContain(path.resolve('src/lib/reader/prefs.ts'));
    expect(graph).not.toContain(path.resolve('src/scripts/search-combobox.ts'));
  });
});

describe('ownModulesOf', () => {
  // site.ts runs header.ts (and its helper); search.ts has the header too, and an engine that
  // search as you type (lazy from the header) shares.
  const tree: Record<string, string> = {
    '/s/site.ts': "import './header.ts';",
    '/s/header.ts':
      "import './helper.ts';\nvoid import('./panel.ts');\nvoid import('./suggest.ts');",
    '/s/helper.ts': 'export const h = 1;',
    '/s/panel.ts': "import './helper.ts';\nimport './panel-only.ts';",
    '/s/panel-only.ts': 'export {};',
    '/s/suggest.ts': "import './engine.ts';",
    '/s/engine.ts': "import './helper.ts';\nvoid import('./more.ts');",
    '/s/more.ts': 'export {};',
    '/s/search-page.ts': "import './header.ts';\nimport './search.ts';",
    '/s/search.ts': "import './engine.ts';",
  };
  const readTree = (file: string) => tree[file.split(path.sep).join('/')] ?? '';

  it('names what the search page loads under its own name, not what it copies', () => {
    const shared = staticImportGraph('/s/site.ts', readTree);
    expect([...shared].sort()).toEqual(['/s/header.ts', '/s/helper.ts', '/s/site.ts']);
    expect([...ownModulesOf('/s/search-page.ts', shared, readTree)].sort()).toEqual([
      // A copy's own import of a module outside site.ts (the panel's) is loaded as itself.
      '/s/engine.ts',
      '/s/more.ts',
      '/s/panel-only.ts',
      '/s/search-page.ts',
      '/s/search.ts',
    ]);
  });

  it('finds import() anywhere in a module, but only of a literal path', () => {
    const found = moduleImports(
      '/m.ts',
      () =>
        "export async function f(x: string) { if (x) return (await import('./a.ts')).a; return import(x); }",
    );
    expect(found).toEqual({ static: [], dynamic: [path.resolve('/a.ts')] });
  });
});
