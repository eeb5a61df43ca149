import { BASE, sitePaths } from '../lib/addresses/site-paths.ts';
import { PAGEFIND_DIR, PAGEFIND_ENGINE } from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { indexForYear } from '../lib/search/index-groups.ts';
import type { Filters } from '../lib/search/scope.ts';
import type { Pagefind } from './search-engine.ts';

/**
 * The search of a site indexed by year (src/lib/search/index-groups.ts), loaded only on such a
 * site: a query naming a year searches that year's index alone, any other the newest index (the
 * primary, the engine's own) first, merging older ones into it (Pagefind's mergeIndex) as the
 * results need them.
 */
export class YearIndexes {
  /** The indexes besides the primary one, newest first, and how many are merged. */
  readonly #older: NonNullable<SearchScopeData['indexes']>;
  #merged = 0;
  #merging: Promise<boolean> = Promise.resolve(true);
  #yearEngines = new Map<string, Promise<Pagefind>>();

  constructor(
    private readonly scope: SearchScopeData,
    private readonly primary: () => Promise<Pagefind>,
  ) {
    this.#older = (scope.indexes ?? [])
      .filter((index) => index.path)
      .sort((a, b) => Math.max(...b.years) - Math.max(...a.years));
  }

  /** How many older indexes the engine holds; settled once no merge is under way. */
  async merged(): Promise<number> {
    await this.#merging;
    return this.#merged;
  }

  get complete(): boolean {
    return this.#merged >= this.#older.length;
  }

  /** Whether a search within `filters` reaches older indexes as it goes (no year named). */
  grows(filters: Filters): boolean {
    return !indexForYear(this.scope.indexes, filters.year);
  }

  /** Merges the next older index into the engine; false when every index is merged already. */
  mergeNext(): Promise<boolean> {
    this.#merging = this.#merging
      .then(async () => {
        const index = this.#older[this.#merged];
        if (!index) return false;
        await (
          await this.primary()
        ).mergeIndex(sitePaths.assetPath(PAGEFIND_DIR + index.path), {
          baseUrl: BASE,
          metaCacheTag: index.tag,
        });
        this.#merged += 1;
        return true;
      })
      // An index that failed to load is not merged; the answers stay those of the others.
      .catch(() => false);
    return this.#merging;
  }

  /** Sections in the merged indexes over sections in all, to estimate a count from. */
  share(): number {
    const all = this.scope.indexes ?? [];
    // Parts merged from builds with one index each do not say their size: count indexes then.
    const sized = all.every((index) => index.records);
    const size = (index: (typeof all)[number]) => (sized ? index.records! : 1);
    const total = all.reduce((sum, index) => sum + size(index), 0);
    const merged = [
      ...all.filter((index) => !index.path),
      ...this.#older.slice(0, this.#merged),
    ].reduce((sum, index) => sum + size(index), 0);
    return total && merged < total ? merged / total : 1;
  }

  /**
   * The engine for a query naming a year whose index is not the primary one: that index alone
   * (its own Pagefind instance), without the year filter when it holds no other year.
   */
  async engineFor(filters: Filters): Promise<{ pagefind: Pagefind; filters: Filters } | undefined> {
    const found = indexForYear(this.scope.indexes, filters.year);
    if (!found?.entry.path) return undefined;
    const { entry, onlyYear } = found;
    let engine = this.#yearEngines.get(entry.path);
    if (!engine) {
      engine = import(/* @vite-ignore */ sitePaths.assetPath(PAGEFIND_ENGINE)).then(
        async (module: { createInstance(options: Record<string, unknown>): Pagefind }) => {
          const instance = module.createInstance({
            basePath: sitePaths.assetPath(PAGEFIND_DIR + entry.path),
            baseUrl: BASE,
            noWorker: true,
            metaCacheTag: entry.tag,
          });
          await instance.init();
          return instance;
        },
      );
      this.#yearEngines.set(entry.path, engine);
      engine.catch(() => this.#yearEngines.delete(entry.path));
    }
    const within = { ...filters };
    if (onlyYear) delete within.year;
    return { pagefind: await engine, filters: within };
  }
}
