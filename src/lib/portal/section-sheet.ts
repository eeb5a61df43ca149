/**
 * A report's section pages and open-data files, rendered by Astro as one page (a sheet) and cut
 * apart after the build into the files each would have been. Astro spends as much on each page
 * it generates as on rendering it (a request, its pipeline, a file, a cache entry); a dozen
 * section pages and three data files per report cost most of a build's page generation.
 *
 * The sheet is `<!DOCTYPE html><html><head>HEAD</head><body>` and then, per section,
 * `<template data-fzzf-sheet="ID">DOCUMENT</template>`, then per data file
 * `<template data-fzzf-file="EXTENSION">TEXT</template>` (TEXT a JSON string, its `<` escaped:
 * sheetFileText), then `</body></html>`. HEAD is what Astro
 * puts at the end of every page's head (its stylesheets and scripts): the sheet's head is the
 * first Astro renders, so it gets them and the documents inside do not; each document marks the
 * end of its head with HEAD_END, where HEAD goes back. A `<template>` makes Astro render each
 * page script in every document instead of once a page. Astro writes no doctype in a component,
 * so each document gets the one Astro gives every page.
 *
 * Content never writes HTML of its own (src/markdown/remark-safe-content.ts) and its text is
 * escaped, so no content can produce the markers; a sheet whose documents are not exactly the
 * sections asked for is refused all the same.
 */

/** Written at the end of each document's head, where the sheet's head content goes. */
export const SHEET_HEAD_END = '<!--fzzf:sheet-head-end-->';

/** The attribute naming the section id of each document in the sheet. */
export const SHEET_ATTRIBUTE = 'data-fzzf-sheet';

/** The attribute naming the extension of each data file in the sheet (`json` for <folder>.json). */
export const SHEET_FILE_ATTRIBUTE = 'data-fzzf-file';

const DOCTYPE = '<!DOCTYPE html>';
const SHEET_START = `${DOCTYPE}<html><head>`;
const HEAD_CLOSE = '</head><body>';
const SHEET_END = '</body></html>';
const PAGE_START = `<template ${SHEET_ATTRIBUTE}="`;
const PAGE_END = '</template>';
// Section ids as the content check allows them (s1, s1-2, intro-like words): no quote, no markup.
const SECTION_ID = new RegExp(`^${PAGE_START}([\\w-]+)">`);
const FILE_START = `<template ${SHEET_FILE_ATTRIBUTE}="`;
const FILE_NAME = new RegExp(`^${FILE_START}([a-z0-9]+)">`);

export class SheetError extends Error {}

/** One section page cut from a sheet: its section id and its whole HTML document. */
export interface SheetPage {
  id: string;
  html: string;
}

/** A data file cut from a sheet: its extension and its text. */
export interface SheetFile {
  extension: string;
  text: string;
}

/**
 * A data file's text as the sheet holds it: a JSON string whose `<` are escaped, so no text can
 * end its template or be read as markup, and every character comes back as it was.
 */
export function sheetFileText(text: string): string {
  return JSON.stringify(text).replaceAll('<', '\\u003c');
}

/**
 * The section pages of `sheet`, in order, each byte for byte the page Astro renders for the
 * section on its own, and its data files, each byte for byte the text it was given. A sheet not
 * laid out as above throws a SheetError.
 */
export function splitSheet(sheet: string): { pages: SheetPage[]; files: SheetFile[] } {
  if (!sheet.startsWith(SHEET_START) || !sheet.endsWith(SHEET_END))
    throw new SheetError('not a section sheet');
  const headEnd = sheet.indexOf(HEAD_CLOSE, SHEET_START.length);
  if (headEnd < 0) throw new SheetError('a section sheet without its head');
  const head = sheet.slice(SHEET_START.length, headEnd);
  const end = sheet.length - SHEET_END.length;
  const pages: SheetPage[] = [];
  let at = headEnd + HEAD_CLOSE.length;
  while (at < end && !sheet.startsWith(FILE_START, at)) {
    const id = SECTION_ID.exec(sheet.slice(at, at + PAGE_START.length + 80))?.[1];
    if (id === undefined) throw new SheetError(`no section page at ${at}`);
    const from = at + PAGE_START.length + id.length + 2;
    // A document holds no </template> of its own: content is escaped, and no component writes one.
    const to = sheet.indexOf(PAGE_END, from);
    if (to < 0 || to > end) throw new SheetError(`section ${id} is not closed`);
    const document = sheet.slice(from, to);
    const parts = document.split(SHEET_HEAD_END);
    if (parts.length !== 2)
      throw new SheetError(`section ${id} must mark the end of its head exactly once`);
    pages.push({ id, html: DOCTYPE + parts[0]! + head + parts[1]! });
    at = to + PAGE_END.length;
  }
  const files: SheetFile[] = [];
  while (at < end) {
    const extension = FILE_NAME.exec(sheet.slice(at, at + FILE_START.length + 20))?.[1];
    if (extension === undefined) throw new SheetError(`no data file at ${at}`);
    if (files.some((file) => file.extension === extension))
      throw new SheetError(`data file ${extension} twice`);
    const from = at + FILE_START.length + extension.length + 2;
    // The text holds no `<` (sheetFileText).
    const to = sheet.indexOf(PAGE_END, from);
    if (to < 0 || to > end) throw new SheetError(`data file ${extension} is not closed`);
    let text: unknown;
    try {
      text = JSON.parse(sheet.slice(from, to));
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') throw new SheetError(`data file ${extension} is not a string`);
    files.push({ extension, text });
    at = to + PAGE_END.length;
  }
  if (at !== end) throw new SheetError('a section sheet ends inside a section page');
  if (!pages.length) throw new SheetError('a section sheet without sections');
  return { pages, files };
}
