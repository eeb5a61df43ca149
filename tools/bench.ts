/**
 * Page weight: HTML, CSS and JS bytes (raw and gzip) that each page type loads from dist/.
 * Counts what a first visit fetches for the page itself: the HTML, its stylesheets and its
 * scripts, including module imports of those scripts. Search's lazily loaded Pagefind files are
 * not counted here (see the search benchmarks). Usage: npm run build && npm run bench
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

const DIST = path.resolve(import.meta.dirname, '..', process.env['DIST_DIR'] ?? 'dist');
const PAGES: [string, string][] = [
  ['home', 'index.html'],
  ['report', 'reports/2023-jiading-police/index.html'],
  ['section', 'reports/2023-jiading-police/s1-2/index.html'],
  ['search', 'search/index.html'],
  ['404', '404.html'],
];

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html is missing: run \`npm run build\` first`);
  process.exit(1);
}

const fileOf = (href: string): string =>
  path.join(DIST, decodeURIComponent(new URL(href, 'http://site/').pathname));

/** A script and the files it imports statically (Vite may split shared code into chunks). */
function withImports(file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
    withImports(path.resolve(path.dirname(file), match[1]!), seen);
}

interface Weight {
  raw: number;
  gzip: number;
  files: number;
}
const weigh = (files: string[]): Weight => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const rows = PAGES.map(([name, file]) => {
  const html = path.join(DIST, file);
  const $ = load(readFileSync(html, 'utf8'));
  const css = $('link[rel="stylesheet"]')
    .toArray()
    .map((link) => fileOf(link.attribs['href']!));
  const scripts = new Set<string>();
  for (const script of $('script[src]').toArray())
    withImports(fileOf(script.attribs['src']!), scripts);
  return { name, html: weigh([html]), css: weigh(css), js: weigh([...scripts]) };
});

console.log('page weight per page type (raw / gzip -9), from dist/');
console.log(
  ['page', 'HTML', 'CSS', 'JS (files)', 'total gzip']
    .map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(24)))
    .join(''),
);
for (const row of rows) {
  const cell = (weight: Weight, files = false) =>
    `${kb(weight.raw)} / ${kb(weight.gzip)}${files ? ` (${weight.files})` : ''}`;
  console.log(
    [
      row.name.padEnd(8),
      cell(row.html).padStart(24),
      cell(row.css).padStart(24),
      cell(row.js, true).padStart(24),
      kb(row.html.gzip + row.css.gzip + row.js.gzip).padStart(24),
    ].join(''),
  );
}
