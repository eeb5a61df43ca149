import { describe, expect, it } from 'vitest';
import {
  displayNumbering,
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
    expect(parseNumbering('三、')).toEqual({ style: 'ordinal', n: 3 }));
  it('reads ASCII and full-width subsection parentheses alike', () => {
    expect(parseNumbering('(二)')).toEqual({ style: 'paren', n: 2 });
    expect(parseNumbering('（十二）')).toEqual({ style: 'paren', n: 12 });
  });
  it('reads the other styles of official documents', () => {
    expect(parseNumbering('第三部分')).toEqual({ style: 'chapter', n: 3 });
    expect(parseNumbering('2.')).toEqual({ style: 'arabic', n: 2 });
    expect(parseNumbering('12、')).toEqual({ style: 'arabic', n: 12 });
    expect(parseNumbering('（3）')).toEqual({ style: 'arabicParen', n: 3 });
  });

  it('reads full-width digits as copies that widen every character write them', () => {
    expect(parseNumbering('１２．')).toEqual({ style: 'arabic', n: 12 });
    expect(parseNumbering('（３）')).toEqual({ style: 'arabicParen', n: 3 });
  });
  it('rejects numbering it does not know', () => {
    for (const bad of ['一', '(一', '一是', '（a）', '', '0.', '第一部', '1.5'])
      expect(parseNumbering(bad)).toBeUndefined();
  });
  it('formats the numbering the site shows', () => {
    expect(formatNumbering('ordinal', 2)).toBe('二、');
    expect(formatNumbering('paren', 4)).toBe('（四）');
    expect(formatNumbering('chapter', 1)).toBe('第一部分');
  });
  it('shows parentheses full-width and other styles as published', () => {
    expect(displayNumbering('(二)')).toBe('（二）');
    expect(displayNumbering('(2)')).toBe('（2）');
    expect(displayNumbering('1、')).toBe('1、');
    expect(displayNumbering('第二部分')).toBe('第二部分');
  });
});
