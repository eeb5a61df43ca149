import { parseArgs } from 'node:util';
import { DEFAULT_SITE_URL, parseSiteUrl } from '../lib/addresses/urls.ts';

/**
 * What `npm run build` is asked to do. tools/build.ts stays a thin script: the options are read
 * here so that the address rule and the draft switch have one home and a unit test.
 */
export interface BuildOptions {
  /** The site's public address, e.g. https://www.example.gov.cn/fzzf/; ends with /. */
  siteUrl: string;
  /** Build reports marked `draft: true` too, marked 草稿 and kept out of search engines. */
  drafts: boolean;
  /** Print where the build's time went, step by step (tools/build.ts reads it). */
  profile: boolean;
  /** Build even when nothing the site is made from changed since the live build. */
  force: boolean;
  /**
   * Render only the reports of these years (a part of a site built in several parts, merged by
   * `npm run merge-parts`); listings, links and the feed still cover every report.
   */
  years?: YearRange;
}

/** Years from `from` to `to`, both included. */
export interface YearRange {
  from: number;
  to: number;
}

export const BUILD_USAGE = `用法：SITE_URL=网站地址 npm run build [-- 选项]

生成网站到 dist/。SITE_URL 是网站上线后的完整地址，例如：
  SITE_URL=https://www.example.gov.cn/fzzf/ npm run build

选项：
  --drafts   同时生成草稿（draft: true 的报告），页面标明“草稿”，不让搜索引擎收录；只用于内部审阅
  --local    只在本机查看：地址用 ${DEFAULT_SITE_URL}，不需要 SITE_URL（npm start 和测试使用）
  --profile  生成后列出各步骤用时
  --force    即使内容和程序都没有变化也重新生成（默认此时直接保留现有网站）
  --years 2016-2020
             只生成这些年份的报告页面（网站分部分生成时用，各部分再用 npm run merge-parts 合并）；
             首页、年度页、机构页、订阅和网站地图仍包含全部报告
  --help     显示本说明`;

/** Why the address matters, shown when it is missing or wrong. */
const WHY_SITE_URL = `SITE_URL 是网站上线后的完整地址（含子目录），例如 https://www.example.gov.cn/fzzf/。生成网站时用它来：
  - 制作每页的二维码：读者扫码打开的就是这个地址；
  - 写入每页的规范链接（canonical）和分享信息，搜索引擎和转发都以它为准；
  - 打印页面时，在页脚印出“本页网址”；
  - 确定网站所在的子目录（如 /fzzf/），使站内链接、样式和搜索在服务器上都能找到。`;

/** A problem with the options, in Chinese, with what to type instead. */
export class BuildOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildOptionsError';
  }
}

/**
 * Reads the build's command-line flags and SITE_URL. A production build must be told its
 * address: a silent localhost default would be printed into QR codes and canonical links.
 * Returns undefined for --help (the caller prints BUILD_USAGE).
 */
export function parseBuildOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): BuildOptions | undefined {
  let values: {
    drafts?: boolean;
    local?: boolean;
    profile?: boolean;
    force?: boolean;
    years?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        drafts: { type: 'boolean' },
        local: { type: 'boolean' },
        profile: { type: 'boolean' },
        force: { type: 'boolean' },
        years: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? argv.join(' ');
    throw new BuildOptionsError(`不认识的选项：${flag}\n\n${BUILD_USAGE}`);
  }
  if (values.help) return undefined;
  const drafts = values.drafts ?? false;
  const profile = values.profile ?? false;
  const force = values.force ?? false;
  const years = values.years === undefined ? undefined : parseYearRange(values.years);
  const part = years ? { years } : {};
  const given = env['SITE_URL']?.trim();
  if (!given) {
    if (values.local) return { siteUrl: DEFAULT_SITE_URL, drafts, profile, force, ...part };
    throw new BuildOptionsError(
      `没有设置网站地址 SITE_URL，网站没有生成。\n\n${WHY_SITE_URL}\n\n请这样生成：\n  SITE_URL=https://www.example.gov.cn/fzzf/ npm run build\n只在本机查看：npm start（地址 ${DEFAULT_SITE_URL}）`,
    );
  }
  return { siteUrl: checkSiteUrl(given), drafts, profile, force, ...part };
}

/** SITE_URL as an absolute http(s) address ending with /, or a Chinese explanation. */
export function checkSiteUrl(value: string): string {
  const parsed = parseSiteUrl(value);
  if (!('problem' in parsed)) return parsed.href;
  switch (parsed.problem) {
    case 'not-absolute':
      throw new BuildOptionsError(
        `SITE_URL 不是完整的网址：“${value}”。\n应为以 https:// 或 http:// 开头的完整地址，例如 https://www.example.gov.cn/fzzf/\n\n${WHY_SITE_URL}`,
      );
    case 'not-http':
      throw new BuildOptionsError(
        `SITE_URL 应以 https:// 或 http:// 开头，现在是：“${value}”。\n\n${WHY_SITE_URL}`,
      );
    case 'query-or-fragment':
      throw new BuildOptionsError(
        `SITE_URL 只写网站地址，不带 ? 或 # 之后的部分，现在是：“${value}”。例如 https://www.example.gov.cn/fzzf/`,
      );
  }
}

/** `2016-2020` or `2023` as a range of years, or a Chinese explanation. */
export function parseYearRange(value: string): YearRange {
  const match = /^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$/.exec(value);
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (!match || to < from)
    throw new BuildOptionsError(
      `--years 的写法不对：“${value}”。应写一个年份（如 2023）或一段年份（如 2016-2020，前一年不晚于后一年）。`,
    );
  return { from, to };
}
