import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import sectionSheets, {
  SHEETS_DIR,
  stopSectionSheets,
} from '../../src/integrations/section-sheets.ts';
import {
  SHEET_ATTRIBUTE,
  SHEET_FILE_ATTRIBUTE,
  SHEET_HEAD_END,
  SheetError,
  sheetFileText,
  splitSheet,
} from '../../src/lib/portal/section-sheet.ts';
import { pageWritten } from '../../src/node/page-written.ts';

// What Astro gives every page at the end of its head, and writes once in a sheet's own head.
const HEAD = '<link rel="stylesheet" href="/_astro/BaseLayout.x.css">';

const documentOf = (id: string, body: string) =>
  `<html lang="zh-CN"><head><title>${id}</title>${SHEET_HEAD_END}</head><body>${body}</body></html>`;

const sheetOf = (pages: [string, string][], files: [string, string][] = []) =>
  `<!DOCTYPE html><html><head>${HEAD}</head><body>` +
  pages
    .map(([id, body]) => `<template ${SHEET_ATTRIBUTE}="${id}">${documentOf(id, body)}</template>`)
    .join('') +
  files
    .map(
      ([extension, text]) =>
        `<template ${SHEET_FILE_ATTRIBUTE}="${extension}">${sheetFileText(text)}</template>`,
    )
    .join('') +
  '</body></html>';

// Data files hold whatever the content says, markup and the sheet's own markers included.
const JSON_TEXT = `${JSON.stringify({ title: '报告</template><template data-fzzf-file="md">"\\' })}\n`;
const MD_TEXT = `# 报告\n\n</body></html>\n${SHEET_HEAD_END}\u2028<script>&amp;\n`;

describe('a sheet of section pages', () => {
  it('cuts into each section page as Astro renders it alone: doctype, head content, body', () => {
    const { pages, files } = splitSheet(
      sheetOf([
        ['s1', '<p>一、总体情况</p><script type="module" src="/_astro/site.js"></script>'],
        ['s1-1', '<p>（一）&lt;template&gt; 不是标签</p>'],
      ]),
    );
    expect(files).toEqual([]);
    expect(pages).toEqual([
      {
        id: 's1',
        html:
          `<!DOCTYPE html><html lang="zh-CN"><head><title>s1</title>${HEAD}</head><body>` +
          '<p>一、总体情况</p><script type="module" src="/_astro/site.js"></script></body></html>',
      },
      {
        id: 's1-1',
        html:
          `<!DOCTYPE html><html lang="zh-CN"><head><title>s1-1</title>${HEAD}</head><body>` +
          '<p>（一）&lt;template&gt; 不是标签</p></body></html>',
      },
    ]);
  });

  it('gives back each data file after the pages, character for character', () => {
    const sheet = sheetOf(
      [['s1', '<p>一</p>']],
      [
        ['json', JSON_TEXT],
        ['md', MD_TEXT],
        ['txt', ''],
      ],
    );
    expect(sheet.match(/<\/template>/g)).toHaveLength(4);
    const { pages, files } = splitSheet(sheet);
    expect(pages.map((page) => page.id)).toEqual(['s1']);
    expect(files).toEqual([
      { extension: 'json', text: JSON_TEXT },
      { extension: 'md', text: MD_TEXT },
      { extension: 'txt', text: '' },
    ]);
  });

  it('refuses data files it cannot read back whole', () => {
    const refused = (files: string) => () =>
      splitSheet(
        `${sheetOf([['s1', '<p>一</p>']]).slice(0, -'</body></html>'.length)}${files}</body></html>`,
      );
    const file = (extension: string, text: string) =>
      `<template ${SHEET_FILE_ATTRIBUTE}="${extension}">${text}</template>`;
    expect(refused(file('json', '{"a":1}'))).toThrow(/not a string/);
    expect(refused(file('json', '"unclosed'))).toThrow(/not a string/);
    expect(refused(file('../x', '""'))).toThrow(/no data file/);
    expect(refused(file('md', '""') + file('md', '""'))).toThrow(/twice/);
    expect(refused(`<template ${SHEET_FILE_ATTRIBUTE}="md">""`)).toThrow(SheetError);
    // Pages come first: a section page after a data file is not one.
    expect(refused(file('md', '""') + `<template ${SHEET_ATTRIBUTE}="s2"></template>`)).toThrow(
      /no data file/,
    );
  });

  it('refuses what is not a whole sheet rather than cut pages wrongly', () => {
    const good = sheetOf([
      ['s1', '<p>一</p>'],
      ['s2', '<p>二</p>'],
    ]);
    const refused = (sheet: string) => () => splitSheet(sheet);
    expect(refused('<!DOCTYPE html><html><head></head><body></body></html>')).toThrow(SheetError);
    expect(refused(good.slice(0, -'</body></html>'.length))).toThrow(SheetError);
    expect(refused(good.replace('<p>二</p></body></html></template>', '<p>二</p>'))).toThrow(
      SheetError,
    );
    expect(refused(good.replace(SHEET_HEAD_END, ''))).toThrow(/exactly once/);
    expect(refused(good.replace(SHEET_HEAD_END, SHEET_HEAD_END.repeat(2)))).toThrow(/exactly once/);
    expect(
      refused(good.replace(`${SHEET_ATTRIBUTE}="s2"`, `${SHEET_ATTRIBUTE}="s2&quot;"`)),
    ).toThrow(SheetError);
    expect(refused(`${good.slice(0, -'</body></html>'.length)}<p>后</p></body></html>`)).toThrow(
      SheetError,
    );
    expect(splitSheet(good).pages.map((page) => page.id)).toEqual(['s1', 's2']);
  });
});

type Hooks = Required<AstroIntegration['hooks']>;

describe('section pages cut from the sheets of a build', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-sheets-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const cache = path.join(scratch, 'cache');

  /** A build into a new output folder, as Astro drives the integration; `write` writes pages. */
  async function build(name: string, write: (out: string) => void): Promise<string> {
    const out = path.join(scratch, name);
    const hooks = sectionSheets().hooks as Hooks;
    hooks['astro:config:done']({
      config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cache}/`) },
    } as never);
    hooks['astro:build:start']({} as never);
    write(out);
    await hooks['astro:build:generated']({} as never);
    return out;
  }

  const writeSheet = (out: string, folder: string, sheet: string, announce: boolean) => {
    mkdirSync(path.join(out, 'reports', folder), { recursive: true });
    writeFileSync(path.join(out, 'reports', folder, 'index.html'), '<p>report</p>');
    mkdirSync(path.join(out, SHEETS_DIR, folder), { recursive: true });
    writeFileSync(path.join(out, SHEETS_DIR, folder, 'index.html'), sheet);
    if (announce) pageWritten(`${SHEETS_DIR}/${folder}/index.html`);
  };
  const page = (out: string, folder: string, id: string) =>
    readFileSync(path.join(out, 'reports', folder, id, 'index.html'), 'utf8');

  it('writes every section page, announced or not, and leaves no sheet behind', async () => {
    const out = await build('first', (dir) => {
      writeSheet(dir, '2023-a', sheetOf([['s1', 'A1']]), true);
      writeSheet(
        dir,
        '2024-b',
        sheetOf(
          [
            ['s1', 'B1'],
            ['s1-1', 'B2'],
          ],
          [
            ['json', JSON_TEXT],
            ['md', MD_TEXT],
          ],
        ),
        false,
      );
    });
    expect(readFileSync(path.join(out, 'reports', '2024-b.json'), 'utf8')).toBe(JSON_TEXT);
    expect(readFileSync(path.join(out, 'reports', '2024-b.md'), 'utf8')).toBe(MD_TEXT);
    expect(existsSync(path.join(out, SHEETS_DIR))).toBe(false);
    expect(page(out, '2023-a', 's1')).toBe(splitSheet(sheetOf([['s1', 'A1']])).pages[0]!.html);
    expect(readdirSync(path.join(out, 'reports')).sort()).toEqual([
      '2023-a',
      '2024-b',
      '2024-b.json',
      '2024-b.md',
    ]);
    expect(readdirSync(path.join(out, 'reports', '2024-b')).sort()).toEqual([
      'index.html',
      's1',
      's1-1',
    ]);
    expect(page(out, '2024-b', 's1-1')).toContain('B2');
  });

  it('links the pages of an unchanged sheet back from the cache, and cuts a changed one', async () => {
    // Astro's cache keeps the sheet as the same file (src/node/page-cache-links.ts): a link.
    const first = path.join(scratch, 'first');
    const before = statSync(path.join(first, 'reports', '2024-b', 's1', 'index.html'));
    const sheetB = path.join(cache, 'section-pages', '2024-b', 'sheet.html');
    const out = await build('second', (dir) => {
      mkdirSync(path.join(dir, SHEETS_DIR, '2024-b'), { recursive: true });
      mkdirSync(path.join(dir, 'reports', '2024-b'), { recursive: true });
      // Restored by Astro: the very file cut last time.
      linkSync(sheetB, path.join(dir, SHEETS_DIR, '2024-b', 'index.html'));
      pageWritten(`${SHEETS_DIR}/2024-b/index.html`);
      writeSheet(dir, '2023-a', sheetOf([['s1', 'A1 改']]), true);
    });
    const after = statSync(path.join(out, 'reports', '2024-b', 's1', 'index.html'));
    expect(after.ino).toBe(before.ino);
    const data = (dir: string) => statSync(path.join(dir, 'reports', '2024-b.json'));
    expect(data(out).ino).toBe(data(first).ino);
    expect(readFileSync(path.join(out, 'reports', '2024-b.md'), 'utf8')).toBe(MD_TEXT);
    expect(page(out, '2024-b', 's1-1')).toContain('B2');
    expect(page(out, '2023-a', 's1')).toContain('A1 改');
    expect(page(first, '2023-a', 's1')).toContain('A1');
    expect(page(first, '2023-a', 's1')).not.toContain('改');
  });

  it('fails the build on a sheet it cannot cut, naming the file', async () => {
    await expect(
      build('broken', (dir) => writeSheet(dir, '2025-c', '<p>not a sheet</p>', false)),
    ).rejects.toThrow(/2025-c.*not a section sheet/);
  });

  it('writes nothing into the output of a build that stopped', async () => {
    const out = path.join(scratch, 'stopped');
    const hooks = sectionSheets().hooks as Hooks;
    hooks['astro:config:done']({
      config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cache}/`) },
    } as never);
    hooks['astro:build:start']({} as never);
    await stopSectionSheets();
    writeSheet(out, '2026-d', sheetOf([['s1', 'D1']]), true);
    await expect(hooks['astro:build:generated']({} as never)).rejects.toThrow(/stopped/);
    expect(existsSync(path.join(out, 'reports', '2026-d', 's1'))).toBe(false);
  });
});
