import { describe, expect, it } from 'vitest';
import {
  groupFolder,
  groupYears,
  indexForYear,
  YearGroups,
} from '../../src/lib/search/index-groups.ts';

describe('search index groups', () => {
  it('keeps a small site in one index', () => {
    expect(groupYears(new Map([[2023, 40]]))).toEqual([[2023]]);
    const city = new Map([2016, 2017, 2018, 2019, 2020].map((year) => [year, 700]));
    expect(groupYears(city, 3000)).toEqual([[2020, 2019, 2018, 2017, 2016]]);
  });

  it('splits a large site by year, newest first, with an old remainder joining the group before it', () => {
    const province = new Map([2016, 2017, 2018, 2019, 2020].map((year) => [year, 4000]));
    expect(groupYears(province, 3000)).toEqual([[2020], [2019], [2018], [2017], [2016]]);
    const uneven = new Map([
      [2025, 1500],
      [2024, 1600],
      [2023, 3100],
      [2022, 200],
    ]);
    expect(groupYears(uneven, 3000)).toEqual([
      [2025, 2024],
      [2023, 2022],
    ]);
  });

  it('gives each group as soon as it is final: once the group after it closes', () => {
    const groups = new YearGroups(3000);
    expect(groups.add(2020, 4000)).toEqual([]);
    expect(groups.add(2019, 1000)).toEqual([]);
    expect(groups.add(2018, 2500)).toEqual([{ index: 0, years: [2020] }]);
    expect(groups.closed).toBe(2);
    // An older remainder joins the last group, which is therefore given only at the end.
    expect(groups.add(2017, 200)).toEqual([]);
    expect(groups.end()).toEqual([{ index: 1, years: [2019, 2018, 2017] }]);
    expect(
      groupYears(
        new Map([
          [2020, 4000],
          [2019, 1000],
          [2018, 2500],
          [2017, 200],
        ]),
        3000,
      ),
    ).toEqual([[2020], [2019, 2018, 2017]]);
    const out = new YearGroups();
    out.add(2020, 1);
    expect(() => out.add(2021, 1)).toThrow(/newest first/);
  });

  it('gives, year by year, exactly the groups of the whole list', () => {
    // A fixed pseudo-random sequence: many shapes of sites, every run the same.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 500; run += 1) {
      const counts = new Map<number, number>();
      const years = 1 + Math.floor(next() * 12);
      for (let i = 0; i < years; i += 1) counts.set(2026 - i, Math.floor(next() * 5000));
      const min = 1 + Math.floor(next() * 6000);
      const groups = new YearGroups(min);
      const given = [...counts].flatMap(([year, records]) => groups.add(year, records));
      given.push(...groups.end());
      expect(given.map((group) => group.index)).toEqual(given.map((_, i) => i));
      expect(given.map((group) => group.years)).toEqual(groupYears(counts, min));
    }
  });

  it('puts the newest group at the root and the others under years/', () => {
    expect(groupFolder([2025], 0)).toBe('');
    expect(groupFolder([2024], 1)).toBe('years/2024/');
    expect(groupFolder([2023, 2022], 2)).toBe('years/2022-2023/');
  });

  it("sends a year's query to the index holding that year, when there are several", () => {
    const indexes = [
      { path: '', years: [2025], tag: 'a' },
      { path: 'years/2023-2024/', years: [2024, 2023], tag: 'b' },
    ];
    expect(indexForYear(indexes, '2025')).toEqual({ entry: indexes[0], onlyYear: true });
    expect(indexForYear(indexes, '2023')).toEqual({ entry: indexes[1], onlyYear: false });
    expect(indexForYear(indexes, '2019')).toBeUndefined();
    expect(indexForYear(indexes, undefined)).toBeUndefined();
    expect(indexForYear(indexes.slice(0, 1), '2025')).toBeUndefined();
  });
});
