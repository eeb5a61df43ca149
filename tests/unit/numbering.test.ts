import { describe, expect, it } from 'vitest';
import {
  formatNumbering,
  fromChineseNumeral,
  parseNumbering,
  toChineseNumeral,
} from '../../src/lib/content/numbering.ts';

describe('Chinese numerals', () => {
  it('writes 1–99 as official documents do', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(toChineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
    ]);
  });
  it('reads back every numeral it writes', () => {
    for (let n = 1; n <= 99; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
  it('rejects numbers it cannot write', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(100)).toThrow(RangeError);
    expect(fromChineseNumeral('一十')).toBeUndefined();
  });
});

describe('parseNumbering', () => {
  it('reads a part numbering', () =>
    expect(parseNumbering('三、')).toEqual({ level: 'part', n: 3 }));
  it('reads ASCII and full-width subsection parentheses alike', () => {
    expect(parseNumbering('(二)')).toEqual({ level: 'subsection', n: 2 });
    expect(parseNumbering('（十二）')).toEqual({ level: 'subsection', n: 12 });
  });
  it('rejects numbering it does not know', () => {
    for (const bad of ['1、', '一', '(一', '一是', '（a）', ''])
      expect(parseNumbering(bad)).toBeUndefined();
  });
  it('formats the numbering the site shows', () => {
    expect(formatNumbering('part', 2)).toBe('二、');
    expect(formatNumbering('subsection', 4)).toBe('（四）');
  });
});
