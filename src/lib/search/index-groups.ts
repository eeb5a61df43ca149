import type { SearchScopeData } from './index-contract.ts';

/**
 * A large site's search index is split by year into several Pagefind indexes that the search
 * merges at search time (Pagefind's mergeIndex). A build then re-indexes only the years whose
 * records changed, Pagefind holds one group in memory at a time instead of the whole corpus (its
 * memory grows faster than its records), and a query naming a year loads that year's index only.
 * A small site stays one index: splitting it would only add requests to every search.
 */

/** Fewest records an index group holds (a year of a province is about 4,000 sections). */
export const MIN_GROUP_RECORDS = 3000;

/**
 * The years (newest first) grouped into indexes, newest group first: consecutive years, each
 * group closed once it holds `min` records; an older remainder smaller than that joins the group
 * before it, so a site below `min` records in all (or twice that) is one index.
 */
export function groupYears(
  records: ReadonlyMap<number, number>,
  min = MIN_GROUP_RECORDS,
): number[][] {
  const groups: { years: number[]; records: number }[] = [];
  let open: { years: number[]; records: number } | undefined;
  for (const year of [...records.keys()].sort((a, b) => b - a)) {
    open ??= { years: [], records: 0 };
    open.years.push(year);
    open.records += records.get(year) ?? 0;
    if (open.records >= min) {
      groups.push(open);
      open = undefined;
    }
  }
  if (open) {
    const last = groups.at(-1);
    if (last) last.years.push(...open.years);
    else groups.push(open);
  }
  return groups.map((group) => group.years);
}

/** A group of groupYears, with its place in the list (0: the newest, Pagefind's primary index). */
export interface YearGroup {
  index: number;
  years: number[];
}

/**
 * groupYears decided year by year, newest first, as each year's records become known: a group
 * is final once the group after it closes (only the last group takes an older remainder), or
 * once every year is known. The groups given out, in order, are those groupYears gives for the
 * same years.
 */
export class YearGroups {
  readonly #min: number;
  readonly #closed: number[][] = [];
  #open: { years: number[]; records: number } | undefined;
  #given = 0;
  #last = Infinity;

  constructor(min = MIN_GROUP_RECORDS) {
    this.#min = min;
  }

  /** The next year (older than any before) and its records; returns the groups now final. */
  add(year: number, records: number): YearGroup[] {
    if (year >= this.#last)
      throw new Error(`years must come newest first: ${year} after ${this.#last}`);
    this.#last = year;
    this.#open ??= { years: [], records: 0 };
    this.#open.years.push(year);
    this.#open.records += records;
    if (this.#open.records < this.#min) return [];
    this.#closed.push(this.#open.years);
    this.#open = undefined;
    // Every closed group but the last is final: an older remainder only ever joins the last.
    return this.#give(this.#closed.length - 1);
  }

  /** Every year is known: the groups not given yet. */
  end(): YearGroup[] {
    if (this.#open) {
      const last = this.#closed.at(-1);
      if (last) last.push(...this.#open.years);
      else this.#closed.push(this.#open.years);
      this.#open = undefined;
    }
    return this.#give(this.#closed.length);
  }

  /** How many groups there are so far, the open one not counted. */
  get closed(): number {
    return this.#closed.length;
  }

  #give(upTo: number): YearGroup[] {
    const given: YearGroup[] = [];
    for (; this.#given < upTo; this.#given += 1)
      given.push({ index: this.#given, years: this.#closed[this.#given]! });
    return given;
  }
}

/**
 * Where a group's index lives under pagefind/: the newest group at its root (Pagefind's primary
 * index, beside its engine), the others under years/, named by their years.
 */
export function groupFolder(years: readonly number[], index: number): string {
  if (index === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  return `years/${first === last ? first : `${first}-${last}`}/`;
}

export type IndexEntry = NonNullable<SearchScopeData['indexes']>[number];

/**
 * The one index a query scoped to `year` needs, when the site has several (undefined otherwise:
 * the merged index answers), and whether that index holds other years too (then the year filter
 * still applies within it).
 */
export function indexForYear(
  indexes: readonly IndexEntry[] | undefined,
  year: string | undefined,
): { entry: IndexEntry; onlyYear: boolean } | undefined {
  if (!indexes || indexes.length < 2 || !year) return undefined;
  const wanted = Number(year);
  const entry = indexes.find((index) => index.years.includes(wanted));
  return entry ? { entry, onlyYear: entry.years.length === 1 } : undefined;
}
