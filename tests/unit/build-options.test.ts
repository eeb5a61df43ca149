import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL } from '../../src/lib/addresses/urls.ts';
import {
  BuildOptionsError,
  checkSiteUrl,
  parseBuildOptions,
} from '../../src/node/build-options.ts';

describe('build options', () => {
  it('refuses a build without SITE_URL and says in Chinese what the address is used for', () => {
    expect(() => parseBuildOptions([], {})).toThrow(BuildOptionsError);
    try {
      parseBuildOptions([], { SITE_URL: '  ' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('没有设置网站地址 SITE_URL');
      for (const use of ['二维码', '规范链接', '打印', '子目录']) expect(message).toContain(use);
      expect(message).toContain('SITE_URL=https://www.example.gov.cn/fzzf/ npm run build');
      expect(message).not.toMatch(/[A-Za-z]+Error|at \S+ \(/);
    }
  });

  it('uses localhost only when asked with --local, and SITE_URL still wins', () => {
    expect(parseBuildOptions(['--local'], {})).toEqual({
      siteUrl: DEFAULT_SITE_URL,
      drafts: false,
      profile: false,
      force: false,
    });
    expect(parseBuildOptions(['--local'], { SITE_URL: 'https://www.example.gov.cn/fzzf' })).toEqual(
      { siteUrl: 'https://www.example.gov.cn/fzzf/', drafts: false, profile: false, force: false },
    );
  });

  it('turns drafts on with --drafts', () => {
    expect(parseBuildOptions(['--drafts'], { SITE_URL: 'https://a.example/' })?.drafts).toBe(true);
  });

  it('accepts --profile alongside the other flags', () => {
    expect(parseBuildOptions(['--profile', '--local'], {})?.profile).toBe(true);
  });

  it('renders one part of the site with --years, a year or a range of them', () => {
    expect(parseBuildOptions(['--local', '--years', '2016-2020'], {})?.years).toEqual({
      from: 2016,
      to: 2020,
    });
    expect(parseBuildOptions(['--local', '--years', '2023'], {})?.years).toEqual({
      from: 2023,
      to: 2023,
    });
    expect(parseBuildOptions(['--local'], {})).not.toHaveProperty('years');
    for (const wrong of ['2020-2016', '16-20', '2020,2021'])
      expect(() => parseBuildOptions(['--local', '--years', wrong], {})).toThrow(
        /--years 的写法不对/,
      );
  });

  it('builds even an unchanged site with --force', () => {
    expect(parseBuildOptions(['--force', '--local'], {})?.force).toBe(true);
    expect(parseBuildOptions(['--local'], {})?.force).toBe(false);
  });

  it('returns nothing for --help so the caller prints the usage', () => {
    expect(parseBuildOptions(['--help'], {})).toBeUndefined();
  });

  it('names an unknown flag in Chinese', () => {
    expect(() => parseBuildOptions(['--draft'], { SITE_URL: 'https://a.example/' })).toThrow(
      /不认识的选项：--draft/,
    );
  });

  it('refuses an address that is not an absolute http(s) URL, in Chinese', () => {
    expect(() => checkSiteUrl('www.example.gov.cn/fzzf/')).toThrow(/SITE_URL 不是完整的网址/);
    expect(() => checkSiteUrl('ftp://example.gov.cn/')).toThrow(/应以 https:\/\/ 或 http:\/\//);
    expect(() => checkSiteUrl('https://example.gov.cn/fzzf/?a=1')).toThrow(/不带 \? 或 #/);
  });
});
