import { describe, expect, it } from 'vitest';
import { citationData, readCitationData } from '../../src/lib/editions/page-citation.ts';

const URL = 'https://www.example.gov.cn/reports/2023-a/s1/';

describe('page citation attribute', () => {
  it('reads back what it writes, with the page URL given', () => {
    const value = citationData('甲区司法局', '甲区2023年报告', { edition: 2, date: '2024-05-01' });
    expect(readCitationData(value, URL)).toEqual({
      agency: '甲区司法局',
      title: '甲区2023年报告',
      url: URL,
      edition: 2,
      date: '2024-05-01',
    });
  });

  it('leaves out the edition of a report without a record, and the date of an undated draft', () => {
    expect(readCitationData(citationData('甲', '乙', undefined, '2024-03-01'), URL)).toEqual({
      agency: '甲',
      title: '乙',
      url: URL,
      date: '2024-03-01',
    });
    expect(readCitationData(citationData('甲', '乙', undefined), URL)).toEqual({
      agency: '甲',
      title: '乙',
      url: URL,
    });
  });

  it('does not carry the URL, which the canonical link already states', () => {
    expect(citationData('甲', '乙', { edition: 1, date: '2024-03-01' })).not.toContain('http');
  });

  it('refuses a missing or malformed attribute', () => {
    for (const value of [undefined, null, '', '{', '{"agency":"甲"}', '[1,2]', '["甲"]'])
      expect(readCitationData(value, URL)).toBeUndefined();
  });
});
