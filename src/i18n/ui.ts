/**
 * Every string a reader sees, in one place. Keys are dotted by where they appear.
 * Strings that take values are functions, so a missing value is a type error.
 */
export const ui = {
  'site.name': '法治政府建设年度报告',
  'site.description': '各机关法治政府建设年度报告全文，可按章节阅读、检索和引用。',
  skipLink: '跳到正文',
  'nav.home': '首页',
  'nav.search': '搜索',
  'home.title': '法治政府建设年度报告',
  'home.intro': '按年度排列的法治政府建设情况报告，最新的在前。',
  'home.yearHeading': (year: number) => `${year}年度`,
  'home.empty': '暂无报告。',
  'report.publishedLabel': '发布日期',
  'report.agencyLabel': '发布机关',
  'report.indexNumberLabel': '索引号',
  'report.documentNumberLabel': '文号',
  'report.sourceUrlLabel': '原文链接',
  // 来源 as the release names it (often the office that posted it), beside the publisher.
  'report.sourceLabel': '来源',
  'report.toc': '目录',
  'report.sectionLink': (heading: string) => `本节链接：${heading}`,
  'report.signature': '落款',
  'section.inReport': '所属报告',
  'section.readInFull': '在全文中阅读本节',
  'section.pagination': '上一节和下一节',
  'section.previous': '上一节',
  'section.next': '下一节',
  'search.label': '搜索报告',
  'search.placeholder': '输入关键词，如 一网通办',
  'search.submit': '搜索',
  'search.title': '搜索',
  'search.description': '在法治政府建设年度报告全文中按关键词搜索，直达相关章节。',
  'search.noscript': '搜索需要启用 JavaScript。您也可以从报告列表和各报告的目录中查找内容：',
  'search.browseReports': '浏览全部报告',
  'search.resultsLabel': '搜索结果',
  'search.searching': '正在搜索…',
  'search.countNone': '没有找到结果，请换个关键词试试。',
  // {count} is filled in by the search script.
  'search.countSome': '找到 {count} 条结果',
  'search.prompt': '输入关键词开始搜索。',
  'search.error': '搜索暂时不可用，请稍后重试。',
  // Search (issue 3): filters, shortcut hint, landing highlight.
  'search.preamble': '引言',
  'search.filters': '筛选搜索结果',
  'search.filterYear': '年度',
  'search.filterAgency': '发布机关',
  'search.filterPart': '报告部分',
  'search.filterAll': '全部',
  'search.highlighted': '已高亮显示搜索词：',
  'search.clearHighlight': '取消高亮',
  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在，可能地址有误或已调整。',
  'notFound.home': '返回首页查看全部报告',
  'footer.note': '本站内容以发布机关公开发布的文本为准。',
  // Links that last: paragraph links, copy link, QR code, redirects from former addresses.
  'permalink.paragraph': '本段链接',
  'permalink.copyParagraph': '复制本段链接',
  'permalink.copySection': (heading: string) => `复制本节链接：${heading}`,
  'permalink.copiedParagraph': '已复制本段链接',
  'permalink.copiedSection': '已复制本节链接',
  'permalink.copyFailed': '无法复制，请从地址栏复制链接',
  'qr.caption': '扫一扫在手机打开当前页',
  'qr.label': (url: string) => `本页网址的二维码：${url}`,
  'redirect.title': (heading: string, report: string) => `本节地址已更改：${heading} - ${report}`,
  'redirect.heading': '本节地址已更改',
  'redirect.body': (heading: string) => `“${heading}”现在的地址是：`,
  'redirect.note': '页面会自动跳转；如果没有跳转，请点击上面的链接。',
  // Reader controls, back to top and print (reading experience).
  'reader.settings': '阅读设置',
  'reader.size': '字号',
  'reader.sizeSmall': '小',
  'reader.sizeMedium': '标准',
  'reader.sizeLarge': '大',
  'reader.sizeExtraLarge': '特大',
  'reader.theme': '配色',
  'reader.themeSystem': '跟随系统',
  'reader.themeLight': '浅色',
  'reader.themeDark': '深色',
  'reader.contrast': '对比度',
  'reader.contrastHigh': '高对比度',
  'reader.backToTop': '回到顶部',
  'print.address': '本页网址',
} as const;

export type UiKey = keyof typeof ui;

/** The UI string (or string template) for `key`. */
export function t<K extends UiKey>(key: K): (typeof ui)[K] {
  return ui[key];
}
