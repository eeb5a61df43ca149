import { describe, expect, it } from 'vitest';
import { groupFolder, groupYears, indexForYear } from '../../src/lib/search/index-groups.ts';

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
