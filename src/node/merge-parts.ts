import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGEFIND_DIR, SEARCH_SCOPE } from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { PublishError } from './publish.ts';

/**
 * Merges the outputs of a site built in parts (`npm run build -- --years …`, one build per part,
 * on one machine or many) into one site. Every part read all content, so every file but the
 * search data is either the part's own (the pages of its reports) or the same in every part
 * (listings, feed, sitemap, scripts and styles): those must be byte-identical, or the parts were
 * built from different content or code and the merge stops. The search index of the part with the
 * newest years stays at pagefind/, the others go to pagefind/parts/<n>/ (with any indexes of years nested in them) and the
 * search page merges them all at search time (Pagefind's mergeIndex); the search data files under search/ (scope, pinyin) are merged.
 * Files are hard-linked where the file system allows: nothing writes into a built site.
 */

/** A problem merging that the publisher can act on, worded in Chinese. */
export class MergeError extends PublishError {
  override name = 'MergeError';
}

/** Where part `n` (counted from 1) keeps its index in the merged site, under pagefind/. */
export const partIndexDir = (n: number): string => `parts/${n}/`;

const SEARCH_PAGE = 'search/index.html';
const isSearchData = (file: string) => file.startsWith('search/') && file.endsWith('.json');

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const file = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, file) : [file];
    })
    .sort();
}

function place(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Two JSON values as one: objects key by key, arrays concatenated without repeats (the first
 * part's entries first), anything else the first part's.
 */
export function mergeJson(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    const seen = new Set(a.map((item) => JSON.stringify(item)));
    return [...a, ...b.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const merged: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [key, value] of Object.entries(b as Record<string, unknown>))
      merged[key] = key in merged ? mergeJson(merged[key], value) : value;
    return merged;
  }
  return a;
}

/**
 * A part's indexes (one, or one per group of years), their folders under pagefind/ prefixed
 * with where the part's index goes in the merged site.
 */
const scopeOf = (root: string) =>
  JSON.parse(readFileSync(path.join(root, SEARCH_SCOPE), 'utf8')) as SearchScopeData;

function partIndexes(root: string, prefix: string): NonNullable<SearchScopeData['indexes']> {
  const scope = scopeOf(root);
  const indexes = scope.indexes ?? [
    { path: '', years: [...scope.years], tag: scope.index?.tag ?? '' },
  ];
  return indexes.map((index) => ({ ...index, path: prefix + index.path }));
}

/** Merges the built parts (folders or `dist` links) into the empty folder `into`. */
export async function mergeParts(given: readonly string[], into: string): Promise<void> {
  if (given.length < 2) throw new MergeError('至少需要两个部分才能合并。');
  const found = given.map((part) => {
    let root: string;
    try {
      root = realpathSync(part);
    } catch {
      throw new MergeError(`找不到网站部分 ${part}。请先生成它（npm run build -- --years …）。`);
    }
    try {
      readFileSync(path.join(root, SEARCH_SCOPE));
    } catch {
      throw new MergeError(`${part} 不是生成好的网站部分：缺少 ${SEARCH_SCOPE}。`);
    }
    return { part, root, newest: Math.max(...scopeOf(root).years) };
  });
  // The part with the newest years comes first: its index is the primary one, which the search
  // answers from before it merges the others in.
  found.sort((a, b) => b.newest - a.newest);
  const parts = found.map(({ part }) => part);
  const roots = found.map(({ root }) => root);
  const owner = new Map<string, number>();
  const searchData = new Map<string, unknown>();
  for (const [i, root] of roots.entries()) {
    const n = i + 1;
    for (const file of filesUnder(root)) {
      const from = path.join(root, file);
      if (isSearchData(file)) {
        const value: unknown = JSON.parse(readFileSync(from, 'utf8'));
        searchData.set(file, searchData.has(file) ? mergeJson(searchData.get(file), value) : value);
        continue;
      }
      if (n > 1 && file.startsWith(PAGEFIND_DIR)) {
        place(
          from,
          path.join(into, PAGEFIND_DIR, partIndexDir(n), file.slice(PAGEFIND_DIR.length)),
        );
        continue;
      }
      // The search page names the first part's index files for preloading.
      if (n > 1 && file === SEARCH_PAGE) continue;
      const first = owner.get(file);
      if (first === undefined) {
        owner.set(file, n);
        place(from, path.join(into, file));
      } else if (!readFileSync(from).equals(readFileSync(path.join(roots[first - 1]!, file)))) {
        throw new MergeError(
          `第 ${given.indexOf(parts[first - 1]!) + 1} 部分（${parts[first - 1]}）和第 ${given.indexOf(parts[i]!) + 1} 部分（${parts[i]}）都有 ${file}，但内容不同。` +
            '各部分必须用同一版本的程序、同样的全部内容和同一个 SITE_URL 生成，请重新生成后再合并。',
        );
      }
    }
  }
  for (const [file, value] of searchData) {
    let data = value;
    if (file === SEARCH_SCOPE) {
      const scope = value as SearchScopeData;
      const first = JSON.parse(readFileSync(path.join(roots[0]!, file), 'utf8')) as SearchScopeData;
      data = {
        ...scope,
        agencies: [...scope.agencies].sort((a, b) => a.id.localeCompare(b.id)),
        years: [...new Set(scope.years)].sort((a, b) => b - a),
        ...(first.index ? { index: first.index } : {}),
        indexes: roots.flatMap((root, i) => partIndexes(root, i === 0 ? '' : partIndexDir(i + 1))),
      } satisfies SearchScopeData;
    }
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    await writeFile(path.join(into, file), JSON.stringify(data));
  }
}
