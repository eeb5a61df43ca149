import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { reportFilesLoader, withoutFrontmatterCopy } from '../../src/data/content-loader.ts';

const root = mkdtempSync(path.join(tmpdir(), 'fzzf-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const base = path.join(root, 'reports');

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
  writeFileSync(path.join(base, file), text);
}

// Files the collections must take, and files they must leave (other names, hidden, nested).
write('2023-a/report.md', 'title: A\n报告甲');
write('2023-a/s1.md', 'title: 一\n第一部分');
write('2023-a/s1-1.mdx', 'title: 一一\n第一小节');
write('2023-a/.draft.md', 'title: 隐\n');
write('2023-a/notes.txt', '不是内容');
write('2023-a/S2.MD', 'title: 大写\n');
write('2023-a/nested/s9.md', 'title: 深\n');
write('2024-b/report.mdx', 'title: B\n报告乙');
write('2024-b/s1.md', 'title: 一\n乙的第一部分');
write('.hidden/s1.md', 'title: 隐\n');
write('top.md', 'title: 顶\n');

/** A store and the calls a loader makes, as Astro's content layer gives them. */
function context(store: Map<string, Record<string, unknown>>, parsed: string[]) {
  const entryInfo = ({ contents }: { contents: string }) => {
    const [head = '', ...body] = contents.split('\n');
    parsed.push(head);
    return { data: { title: head.replace('title: ', '') }, body: body.join('\n') };
  };
  const markdown = {
    extensions: ['.md'],
    getEntryInfo: entryInfo,
    getRenderFunction: async () => async (entry: { body?: string; filePath: string }) => ({
      html: `<p>${entry.body}</p>`,
      metadata: {
        imagePaths: [],
        file: path.relative(root, entry.filePath),
        frontmatter: { copy: true },
      },
    }),
  };
  const mdx = { extensions: ['.mdx'], getEntryInfo: entryInfo, contentModuleTypes: '' };
  const modules: string[] = [];
  const logger = { warn: () => undefined, error: () => undefined, info: () => undefined };
  return {
    modules,
    context: {
      collection: 'c',
      config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
      logger,
      parseData: async ({ data, filePath }: { data: object; filePath: string }) => ({
        ...data,
        file: path.relative(root, filePath),
      }),
      generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
      entryTypes: new Map<string, object>([
        ['.md', markdown],
        ['.mdx', mdx],
      ]),
      store: {
        keys: () => [...store.keys()],
        get: (id: string) => store.get(id),
        set: (entry: Record<string, unknown>) => {
          store.set(entry['id'] as string, entry);
          return true;
        },
        delete: (id: string) => store.delete(id),
        addModuleImport: (file: string) => modules.push(file),
        addAssetImports: () => undefined,
      },
    } as unknown as LoaderContext,
  };
}

const astroGlob = (files: 'report' | 'sections'): Loader =>
  glob({
    pattern: files === 'report' ? '*/report.{md,mdx}' : ['*/*.{md,mdx}', '!*/report.{md,mdx}'],
    base,
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });

/** What Astro's glob loader stored, less the frontmatter copy a build's loader leaves out. */
const astroStored = (store: Map<string, Record<string, unknown>>) =>
  Object.fromEntries(
    [...store].map(([id, entry]) => [
      id,
      entry['rendered']
        ? { ...entry, rendered: withoutFrontmatterCopy(entry['rendered'] as { metadata: object }) }
        : entry,
    ]),
  );

async function load(loader: Loader, store: Map<string, Record<string, unknown>>) {
  const parsed: string[] = [];
  const run = context(store, parsed);
  await loader.load(run.context);
  return { parsed, modules: run.modules.sort() };
}

describe("a build's loader of report files", () => {
  const ours = new Map<string, Record<string, unknown>>();
  const astro = new Map<string, Record<string, unknown>>();

  it("stores what Astro's glob loader stores, for reports and for sections", async () => {
    for (const files of ['report', 'sections'] as const) {
      const oursFiles = new Map<string, Record<string, unknown>>();
      const astroFiles = new Map<string, Record<string, unknown>>();
      await load(reportFilesLoader({ base, files }), oursFiles);
      await load(astroGlob(files), astroFiles);
      expect(Object.fromEntries(oursFiles)).toEqual(astroStored(astroFiles));
      if (files === 'sections') for (const [id, entry] of oursFiles) ours.set(id, entry);
      if (files === 'sections') for (const [id, entry] of astroFiles) astro.set(id, entry);
    }
    expect([...ours.keys()].sort()).toEqual(['2023-a/s1', '2023-a/s1-1', '2024-b/s1']);
    expect(ours.get('2023-a/s1')).toMatchObject({
      data: { title: '一', file: 'reports/2023-a/s1.md' },
      filePath: 'reports/2023-a/s1.md',
      rendered: { html: '<p>第一部分</p>' },
    });
    expect(ours.get('2023-a/s1')!['rendered']).not.toHaveProperty('metadata.frontmatter');
    expect(astro.get('2023-a/s1')!['rendered']).toHaveProperty('metadata.frontmatter');
    expect(ours.get('2023-a/s1-1')).toMatchObject({ deferredRender: true });
  });

  it('parses only the files that changed, and drops the files that are gone', async () => {
    write('2023-a/s1.md', 'title: 一（改）\n第一部分改');
    write('2024-b/s2.md', 'title: 二\n乙的第二部分');
    unlinkSync(path.join(base, '2024-b/s1.md'));
    const again = await load(reportFilesLoader({ base, files: 'sections' }), ours);
    const astroAgain = await load(astroGlob('sections'), astro);
    expect(again.parsed.sort()).toEqual(['title: 一（改）', 'title: 二']);
    expect(astroAgain.parsed).toHaveLength(3);
    expect(Object.fromEntries(ours)).toEqual(astroStored(astro));
    expect([...ours.keys()].sort()).toEqual(['2023-a/s1', '2023-a/s1-1', '2024-b/s2']);
    // An unchanged MDX file, rendered when its page is, keeps its module declared.
    expect(again.modules).toEqual(astroAgain.modules);
    expect(again.modules).toEqual(['reports/2023-a/s1-1.mdx']);
  });

  it("fails on a file it cannot render, and keeps the renderer's English printout off the console", async () => {
    const printed: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((first: unknown) => {
      printed.push(first);
    });
    try {
      vi.resetModules();
      const { reportFilesLoader: fresh } = await import('../../src/data/content-loader.ts');
      const run = context(new Map(), []);
      const entryTypes = (run.context as unknown as { entryTypes: Map<string, object> }).entryTypes;
      // As Astro's Markdown processor fails: it prints the error, then throws it.
      entryTypes.set('.md', {
        ...entryTypes.get('.md'),
        getRenderFunction: async () => async () => {
          const error = new Error('Failed to parse Markdown file "s1.md": 不允许直接写 HTML');
          console.error(error);
          throw error;
        },
      });
      await expect(fresh({ base, files: 'sections' }).load(run.context)).rejects.toThrow(
        /不允许直接写 HTML/,
      );
      expect(printed).toEqual([]);
      // Anything else still reaches the console.
      console.error('其他错误');
      expect(printed).toEqual(['其他错误']);
    } finally {
      spy.mockRestore();
    }
  });
});
