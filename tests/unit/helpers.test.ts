import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/lib/content/dates.ts';
import {
  DEFAULT_SITE_URL,
  reportPath,
  searchPath,
  sectionAnchorPath,
  sectionPath,
  siteUrl,
} from '../../src/lib/addresses/urls.ts';

describe('formatChineseDate', () => {
  it('writes dates as official documents do, without leading zeros', () =>
    expect(formatChineseDate('2024-03-02')).toBe('2024年3月2日'));
  it('refuses anything but YYYY-MM-DD', () =>
    expect(() => formatChineseDate('2024/3/2')).toThrow());
});

describe('siteUrl', () => {
  it('splits SITE_URL into origin and base path', () => {
    expect(siteUrl('https://www.example.gov.cn/fzzf/')).toEqual({
      site: 'https://www.example.gov.cn',
      base: '/fzzf/',
    });
    expect(siteUrl('https://www.example.gov.cn/fzzf')).toEqual({
      site: 'https://www.example.gov.cn',
      base: '/fzzf/',
    });
  });
  it('defaults to the local preview address', () =>
    expect(siteUrl(undefined)).toEqual({ site: new URL(DEFAULT_SITE_URL).origin, base: '/' }));
  it('refuses a relative or non-http address with a clear message', () => {
    expect(() => siteUrl('/fzzf/')).toThrow(/SITE_URL/);
    expect(() => siteUrl('ftp://x/')).toThrow(/http/);
  });
});

describe('urls', () => {
  it('builds every path under the base', () => {
    expect(reportPath('/fzzf/', '2023-jiading-police')).toBe('/fzzf/reports/2023-jiading-police/');
    expect(sectionPath('/', '2023-jiading-police', 's1-2')).toBe(
      '/reports/2023-jiading-police/s1-2/',
    );
    expect(sectionAnchorPath('/', '2023-jiading-police', 's1-2')).toBe(
      '/reports/2023-jiading-police/#s1-2',
    );
    expect(searchPath('/fzzf/', '一网通办')).toBe(
      '/fzzf/search/?q=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E',
    );
  });
});
