import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { lentBytes } from './content-bytes.ts';

/**
 * A content collection of the report folders' Markdown files: `<folder>/<file>.md` (or `.mdx`)
 * under `base`, one entry per file, its id the path without extension (2023-x/s1-2).
 *
 * The live preview uses Astro's glob loader, which also watches the files. A build loads the
 * same entries, with the same data, digest and rendering, but in the order that costs least at
 * thousands of files: each file is read synchronously (thousands of small `fs/promises` reads
 * cost many times more here) and its digest compared with the stored entry's before anything
 * else, so an unchanged file's frontmatter is never parsed again. Astro's store, its rendering
 * and its checks stay Astro's.
 */
export function reportFilesLoader(options: {
  base: string;
  /** The folders' report.md (or .mdx), or every other Markdown file: their sections. */
  files: 'report' | 'sections';
}): Loader {
  const report = /^report\.mdx?$/;
  const markdown = /\.mdx?$/;
  const watching = glob({
    pattern:
      options.files === 'report' ? '*/report.{md,mdx}' : ['*/*.{md,mdx}', '!*/report.{md,mdx}'],
    base: options.base,
    generateId: ({ entry }) => entry.replace(markdown, ''),
  });
  const name = (file: string) =>
    markdown.test(file) && report.test(file) === (options.files === 'report')
      ? file.replace(markdown, '')
      : undefined;
  return {
    name: 'fzzf-report-files',
    load: async (context) => {
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> })
        .entryTypes;
      if (context.watcher || !entryTypes) return watching.load(context);
      await loadFiles(context, entryTypes, options.base, name);
    },
  };
}

/**
 * The rendered content without the copy of the raw frontmatter Astro keeps in its metadata for
 * `remarkPluginFrontmatter`, which the site never reads (its frontmatter is the entry's `data`):
 * an eighth of a store that every build serializes, bundles and loads again.
 */
export function withoutFrontmatterCopy<R extends { metadata?: object | undefined }>(
  rendered: R,
): R {
  if (!rendered.metadata || !('frontmatter' in rendered.metadata)) return rendered;
  const metadata: { frontmatter?: unknown } = { ...rendered.metadata };
  delete metadata.frontmatter;
  return { ...rendered, metadata };
}

/** What Astro gives a loader to read and render one kind of content file (its glob loader's view). */
interface EntryType {
  getEntryInfo(input: { contents: string; fileUrl: URL }):
    | { body?: string; data: Record<string, unknown> }
    | Promise<{
        body?: string;
        data: Record<string, unknown>;
      }>;
  getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction>;
  contentModuleTypes?: unknown;
}

/** The store a loader is given, with the method Astro's own loaders use for asset imports. */
type ScopedStore = LoaderContext['store'] & {
  addAssetImports(assets: string[], filePath: string): void;
};

type RenderFunction = (input: {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath: string;
  digest: string;
}) => Promise<Parameters<LoaderContext['store']['set']>[0]['rendered']>;

/**
 * The files of a collection, as Astro's glob pattern `*\/*.{md,mdx}` lists them: in folders and
 * with names not starting with a dot, symbolic links followed. Paths are relative to `base`,
 * with `/`.
 */
export function reportFiles(base: string, name: (file: string) => string | undefined) {
  const isDir = (dir: string, entry: Dirent) =>
    entry.isDirectory() ||
    (entry.isSymbolicLink() &&
      statSync(path.join(dir, entry.name), { throwIfNoEntry: false })?.isDirectory());
  const isFile = (dir: string, entry: Dirent) =>
    entry.isFile() ||
    (entry.isSymbolicLink() &&
      statSync(path.join(dir, entry.name), { throwIfNoEntry: false })?.isFile());
  const files: { entry: string; id: string }[] = [];
  for (const folder of readdirSync(base, { withFileTypes: true })) {
    if (folder.name.startsWith('.') || !isDir(base, folder)) continue;
    const dir = path.join(base, folder.name);
    for (const file of readdirSync(dir, { withFileTypes: true })) {
      if (file.name.startsWith('.') || !isFile(dir, file)) continue;
      const id = name(file.name);
      if (id !== undefined)
        files.push({ entry: `${folder.name}/${file.name}`, id: `${folder.name}/${id}` });
    }
  }
  return files.sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}

async function loadFiles(
  { config, logger, parseData, store, generateDigest }: LoaderContext,
  entryTypes: Map<string, EntryType>,
  baseDir: string,
  name: (file: string) => string | undefined,
): Promise<void> {
  const base = path.resolve(fileURLToPath(config.root), baseDir);
  const root = fileURLToPath(config.root);
  const untouched = new Set(store.keys());
  if (!existsSync(base)) logger.warn(`The base directory "${base}" does not exist.`);
  const files = existsSync(base) ? reportFiles(base, name) : [];
  const renderers = new Map<EntryType, RenderFunction | undefined>();
  // Entries of the very shape Astro's glob loader stores, undefined fields included.
  const set = (entry: Record<string, unknown>) =>
    store.set(entry as unknown as Parameters<typeof store.set>[0]);
  for (const { entry, id } of files) {
    const entryType = entryTypes.get(path.extname(entry));
    if (!entryType) continue;
    const filePath = path.join(base, entry);
    // The bytes the content check passed, when the build lent them (src/data/content-bytes.ts).
    const contents = (lentBytes(filePath) ?? readFileSync(filePath)).toString('utf8');
    untouched.delete(id);
    const digest = generateDigest(contents);
    const existing = store.get(id);
    if (existing && existing.digest === digest && existing.filePath) {
      // As Astro's glob loader keeps an unchanged entry: its imports are declared again.
      if (existing.deferredRender) store.addModuleImport(existing.filePath);
      if (existing.assetImports?.length)
        (store as ScopedStore).addAssetImports(existing.assetImports, existing.filePath);
      continue;
    }
    const { body, data } = await entryType.getEntryInfo({
      contents,
      fileUrl: pathToFileURL(filePath),
    });
    const parsed = await parseData({ id, data, filePath });
    const relative = path.relative(root, filePath).split(path.sep).join('/');
    if (entryType.getRenderFunction) {
      if (!renderers.has(entryType))
        renderers.set(entryType, await entryType.getRenderFunction(config));
      // A file that cannot be rendered fails the build (Astro's glob loader logs it and goes on,
      // leaving the entry without its text). The build's content check, which runs meanwhile,
      // refuses what the Markdown pipeline refuses and says so in Chinese (tools/build.ts).
      quietMarkdownFailures();
      const rendered = await renderers
        .get(entryType)?.({ id, data, body, filePath, digest })
        .catch((error: unknown) => {
          logger.error(`Error rendering ${entry}: ${(error as Error).message}`);
          throw error;
        });
      set({
        id,
        data: parsed,
        body,
        filePath: relative,
        digest,
        rendered: rendered && withoutFrontmatterCopy(rendered),
        assetImports: rendered?.metadata?.imagePaths,
      });
    } else if ('contentModuleTypes' in entryType) {
      set({ id, data: parsed, body, filePath: relative, digest, deferredRender: true });
    } else {
      set({ id, data: parsed, body, filePath: relative, digest });
    }
  }
  for (const id of untouched) store.delete(id);
}

/** What Astro's Markdown processor prints a failure with, before it throws it. */
const MARKDOWN_FAILURE = 'Failed to parse Markdown file';

let quieted = false;

/**
 * Keeps Astro's Markdown processor (@astrojs/markdown-remark) from printing a failure to the
 * console before it throws it: a build's console is the publisher's, and the failure fails the
 * build, whose message then comes from the content check. Once per process and for its whole
 * life: collections load side by side, so a console swapped for one file's rendering and put
 * back afterwards could silence another's message, or stay swapped.
 */
export function quietMarkdownFailures(): void {
  if (quieted) return;
  quieted = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (first instanceof Error && first.message.startsWith(MARKDOWN_FAILURE)) return;
    original(...args);
  };
}
