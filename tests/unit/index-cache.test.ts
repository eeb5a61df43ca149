import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexKey, keepIndexes, restoreIndex, storeIndex } from '../../src/node/index-cache.ts';

describe('search index cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-index-'));
  beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(dir, 'cache')));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const records = [
    { url: '/reports/a/#s1', content: '一网通办', meta: { section: 's1' } },
    { url: '/reports/a/#s2', content: '放管服', meta: { section: 's2' } },
  ];
  const writeIndex = (folder: string, text: string) => {
    mkdirSync(path.join(folder, 'fragment'), { recursive: true });
    writeFileSync(path.join(folder, 'pagefind-entry.json'), text);
    writeFileSync(path.join(folder, 'fragment', 'a.pf_fragment'), `${text} fragment`);
  };

  it('keys an index by its records, their order and the installed packages', () => {
    const key = indexKey(records, dir);
    expect(indexKey(structuredClone(records), dir)).toBe(key);
    expect(indexKey([...records].reverse(), dir)).not.toBe(key);
    expect(indexKey([records[0], { ...records[1], content: '放管服改革' }], dir)).not.toBe(key);
    writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion": 3}');
    expect(indexKey(records, dir)).not.toBe(key);
  });

  it('gives back the index stored under the same key, and only that one', () => {
    const key = indexKey(records, dir);
    expect(restoreIndex(key, path.join(dir, 'out-0'))).toBe(false);
    writeIndex(path.join(dir, 'built'), 'first');
    storeIndex(key, path.join(dir, 'built'));
    // The build that stored it may delete its output; the cache keeps its own links.
    rmSync(path.join(dir, 'built'), { recursive: true });

    const out = path.join(dir, 'out-1');
    expect(restoreIndex(key, out)).toBe(true);
    expect(readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')).toBe('first');
    expect(readFileSync(path.join(out, 'fragment', 'a.pf_fragment'), 'utf8')).toBe(
      'first fragment',
    );
    expect(() => statSync(path.join(out, '.complete'))).toThrow();
    expect(restoreIndex(indexKey(records.slice(1), dir), path.join(dir, 'out-2'))).toBe(false);
  });

  it("keeps the last build's indexes (one per group of years) and drops the others", () => {
    const [one, two, three] = [
      indexKey(records, dir),
      indexKey(records.slice(1), dir),
      indexKey(records.slice(0, 1), dir),
    ];
    for (const [key, name] of [
      [one, 'one'],
      [two, 'two'],
      [three, 'three'],
    ] as const) {
      writeIndex(path.join(dir, name), name);
      storeIndex(key, path.join(dir, name));
    }
    keepIndexes([two, three]);
    expect(restoreIndex(one, path.join(dir, 'out-3'))).toBe(false);
    expect(restoreIndex(two, path.join(dir, 'out-4'))).toBe(true);
    expect(restoreIndex(three, path.join(dir, 'out-5'))).toBe(true);
  });

  it('leaves the nested indexes of other groups out of the primary index', () => {
    const key = indexKey([{ url: '/nested' }], dir);
    const built = path.join(dir, 'primary');
    writeIndex(built, 'primary');
    writeIndex(path.join(built, 'years', '2016'), 'older');
    storeIndex(key, built, ['years']);
    const out = path.join(dir, 'out-6');
    expect(restoreIndex(key, out)).toBe(true);
    expect(readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')).toBe('primary');
    expect(() => statSync(path.join(out, 'years'))).toThrow();
  });
});
