/**
 * The site's robots.txt. Crawlers read robots.txt only at the root of a host, so a site that
 * lives in a sub-folder (SITE_URL https://www.example.gov.cn/fzzf/) cannot speak for the host:
 * its file then says, for the host's web team, which lines to add to the host's own robots.txt,
 * and allows only its own folder.
 */
export function robotsTxt(sitemapUrl: string, base: string): string {
  const rules = `User-agent: *\nAllow: ${base}\n\nSitemap: ${sitemapUrl}\n`;
  if (base === '/') return rules;
  return (
    `# 本站位于子目录 ${base}。搜索引擎只读取网站根目录下的 /robots.txt，\n` +
    `# 请把下面的 Sitemap 行（需要时连同 Allow 行）加入主站的 robots.txt。\n\n` +
    rules
  );
}
