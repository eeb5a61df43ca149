import { describe, expect, it } from 'vitest';
import { toFullWidthPunctuation } from '../../src/lib/content/punctuation.ts';

describe('toFullWidthPunctuation', () => {
  it('turns ASCII commas, colons and semicolons in Chinese sentences full-width', () => {
    expect(toFullWidthPunctuation('2023年,公安分局')).toBe('2023年，公安分局');
    expect(toFullWidthPunctuation('总结如下:')).toBe('总结如下：');
    expect(toFullWidthPunctuation('仍然存在;一些')).toBe('仍然存在；一些');
  });
  it('turns parentheses around Chinese text full-width', () => {
    expect(toFullWidthPunctuation('(二)从严打击')).toBe('（二）从严打击');
  });
  it('leaves figures, Latin text and URLs alone', () => {
    for (const text of ['2.4亿元', '1,000', 'f(x)', 'https://www.gov.cn/a:b', 'Ctrl+K'])
      expect(toFullWidthPunctuation(text)).toBe(text);
  });
  it('never changes anything but the punctuation marks', () => {
    const source =
      '持以“民转刑”“刑转命”案件防范为牵引,全面排查管控人、地、事、物等治安要素,围绕婚恋纠纷';
    const out = toFullWidthPunctuation(source);
    expect(out.normalize('NFKC')).toBe(source.normalize('NFKC'));
    expect(out).not.toContain(',');
  });
});
