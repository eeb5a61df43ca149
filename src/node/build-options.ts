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
}

export const BUILD_USAGE = `用法：SITE_URL=网站地址 npm run build [-- 选项]

生成网站到 dist/。SITE_URL 是网站上线后的完整地址，例如：
  SITE_URL=https://www.example.gov.cn/fzzf/ npm run build

选项：
  --drafts   同时生成草稿（draft: true 的报告），页面标明“草稿”，不让搜索引擎收录；只用于内部审阅
  --local    只在本机查看：地址用 ${DEFAULT_SITE_URL}，不需要 SITE_URL（npm start 和测试使用）
  --profile  生成后列出各步骤用时
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
  let values: { drafts?: boolean; local?: boolean; profile?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        drafts: { type: 'boolean' },
        local: { type: 'boolean' },
        profile: { type: 'boolean' },
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
  const given = env['SITE_URL']?.trim();
  if (!given) {
    if (values.local) return { siteUrl: DEFAULT_SITE_URL, drafts, profile };
    throw new BuildOptionsError(
      `没有设置网站地址 SITE_URL，网站没有生成。\n\n${WHY_SITE_URL}\n\n请这样生成：\n  SITE_URL=https://www.example.gov.cn/fzzf/ npm run build\n只在本机查看：npm start（地址 ${DEFAULT_SITE_URL}）`,
    );
  }
  return { siteUrl: checkSiteUrl(given), drafts, profile };
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
