import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minifyEngine, minifyModule } from '../../src/node/minify-engine.ts';

// Shaped like Pagefind's engine: module state, an async API and a re-export list at the end.
const ENGINE = `
const pagefind_version = "1.6.0";
let instance_state = { initialised: false, options: {} };
function describeTerm(searchTerm) {
  const normalisedTerm = searchTerm.trim().toLowerCase();
  return { term: normalisedTerm, version: pagefind_version };
}
async function search(searchTerm, searchOptions = {}) {
  instance_state.initialised = true;
  return { ...describeTerm(searchTerm), options: searchOptions, state: instance_state.initialised };
}
const options = async (newOptions) => { Object.assign(instance_state.options, newOptions); return instance_state.options; };
export { search, options };
`;

const load = async (code: string) =>
  (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    search(term: string, options?: object): Promise<unknown>;
    options(options: object): Promise<unknown>;
  };

describe('minifyModule', () => {
  it('keeps the exports and what they do, in less code', async () => {
    const small = await minifyModule('engine.js', ENGINE);
    expect(small.length).toBeLessThan(ENGINE.length * 0.8);
    const [before, after] = await Promise.all([load(ENGINE), load(small)]);
    expect(Object.keys(after).sort()).toEqual(['options', 'search']);
    expect(await after.search(' 一网通办 ', { page: 1 })).toEqual(
      await before.search(' 一网通办 ', { page: 1 }),
    );
    expect(await after.options({ excerptLength: 30 })).toEqual(
      await before.options({ excerptLength: 30 }),
    );
  });

  it('refuses code it cannot parse rather than writing it half-minified', async () => {
    await expect(minifyModule('broken.js', 'export const = ;')).rejects.toThrow(/broken\.js/);
  });
});

describe('minifyEngine', () => {
  it('rewrites pagefind.js in place, and leaves a folder without one alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-engine-'));
    await minifyEngine(dir);
    writeFileSync(path.join(dir, 'pagefind.js'), ENGINE);
    await minifyEngine(dir);
    const written = readFileSync(path.join(dir, 'pagefind.js'), 'utf8');
    expect(written).toBe(await minifyModule('pagefind.js', ENGINE));
    expect(written).not.toContain('normalisedTerm');
  });
});
