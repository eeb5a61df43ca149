import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entryCache } from '../../src/node/build-cache.ts';
import { extractRecords } from '../../src/node/page-records.ts';
import { cachedRecords } from '../../src/node/report-pages.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-entry-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (folder: string, year: string, text: string) =>
  `<main data-search-report="${folder}" data-search-year="${year}"><section data-search-section="s1" data-search-item="organization"><h2 id="s1">一、概况</h2><div data-search-text><p id="s1-p1">${text}</p><p id="s1-p2">&lt;第二段&gt;</p></div></section></main>`;

describe('an entry cache on disk', () => {
  beforeAll(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'entries')));

  it('gives back what was stored, under its version only, and prunes what was not used', () => {
    const first = entryCache<{ n: number } | null>('things', 'v1');
    expect(first.get('a')).toBeUndefined();
    first.set('a', { n: 1 });
    first.set('b', null);
    const again = entryCache<{ n: number } | null>('things', 'v1');
    expect(again.get('a')).toEqual({ n: 1 });
    expect(again.get('b')).toBeNull();
    // Another version of the code never reads the entries of this one.
    const other = entryCache<{ n: number } | null>('things', 'v2');
    expect(other.get('a')).toBeUndefined();
    other.set('c', { n: 3 });
    other.prune();
    const folders = readdirSync(path.join(scratch, 'entries'));
    expect(folders).toHaveLength(1);
    // This run used only c: the v1 folder and its entries are gone.
    expect(entryCache<{ n: number }>('things', 'v1').get('a')).toBeUndefined();
    const pruning = entryCache<{ n: number }>('things', 'v2');
    pruning.set('d', { n: 4 });
    pruning.prune();
    expect(readdirSync(path.join(scratch, 'entries', folders[0]!))).toEqual(['d.json']);
  });
});

describe("a report page's records, cached by its bytes", () => {
  beforeAll(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(scratch, 'records')));

  it('are what reading the page gives, the first time and from the cache', () => {
    const html = page('2023-a', '2023', '第一段');
    const read = extractRecords(html);
    expect(read?.sections[0]?.paragraphs).toHaveLength(2);
    expect(cachedRecords(Buffer.from(html))).toEqual(read);
    expect(existsSync(path.join(scratch, 'records'))).toBe(true);
    expect(cachedRecords(Buffer.from(html))).toEqual(read);
  });

  it('are read again when a byte of the page changes', () => {
    const before = cachedRecords(Buffer.from(page('2023-b', '2023', '旧的文字')));
    const after = cachedRecords(Buffer.from(page('2023-b', '2023', '新的文字')));
    expect(before?.sections[0]?.paragraphs[0]?.text).toBe('旧的文字');
    expect(after?.sections[0]?.paragraphs[0]?.text).toBe('新的文字');
    expect(after).toEqual(extractRecords(page('2023-b', '2023', '新的文字')));
  });

  it('stay undefined for a page that declares no report, and keep a year JSON cannot hold', () => {
    expect(cachedRecords(Buffer.from('<p>moved</p>'))).toBeUndefined();
    expect(cachedRecords(Buffer.from('<p>moved</p>'))).toBeUndefined();
    const odd = page('2023-c', 'unknown', '文字');
    expect(cachedRecords(Buffer.from(odd))?.report.year).toBeNaN();
    // Not stored: JSON would turn NaN into null.
    expect(cachedRecords(Buffer.from(odd))?.report.year).toBeNaN();
  });
});
