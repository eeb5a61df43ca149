import { figuresUi } from './figures.ts';
import { permalinkUi } from './permalink.ts';
import { readerUi } from './reader.ts';
import { searchUi } from './search.ts';

/**
 * Every string a reader sees, in one place. Keys are dotted by where they appear.
 * Strings that take values are functions, so a missing value is a type error. Strings that only
 * client scripts show are in the modules imported above, one per script, and included here: a
 * script imports its module, so its strings travel in its bundle and no page carries them.
 */
export const ui = {
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
  'report.sectionLink': '本节链接',
  'report.signature': '落款',
  'section.inReport': '所属报告',
  'section.readInFull': '在全文中阅读本节',
  'section.pagination': '上一节和下一节',
  'section.previous': '上一节',
  'section.next': '下一节',
  'search.label': '搜索报告',
  ...searchUi,
  'search.placeholder': '输入关键词，如 一网通办',
  'search.submit': '搜索',
  'search.title': '搜索',
  'search.description': '在法治政府建设年度报告全文中按关键词搜索，直达相关章节。',
  'search.noscript': '搜索需要启用 JavaScript。您也可以从报告列表和各报告的目录中查找内容：',
  'search.browseReports': '浏览全部报告',
  'search.resultsLabel': '搜索结果',
  // Search (issue 3): filters, shortcut hint, landing highlight.
  'search.filters': '筛选搜索结果',
  'search.filterYear': '年度',
  'search.filterAgency': '发布机关',
  'search.filterPart': '报告部分',
  'search.filterAll': '全部',
  // Scoped search, honest counts, results as you type (issue 12).
  'search.more': '显示更多结果',
  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在，可能地址有误或已调整。',
  'notFound.home': '返回首页查看全部报告',
  'footer.note': '本站内容以发布机关公开发布的文本为准。',
  // Links that last: paragraph links, copy link, QR code, redirects from former addresses.
  'permalink.paragraph': '本段链接',
  ...permalinkUi,
  'qr.caption': '扫一扫在手机打开当前页',
  ...figuresUi,
  // The caption beside it prints the address, so the alt text does not repeat it.
  'qr.label': '本页网址的二维码',
  'redirect.title': (heading: string, report: string) => `本节地址已更改：${heading} - ${report}`,
  'redirect.heading': '本节地址已更改',
  'redirect.body': (heading: string) => `“${heading}”现在的地址是：`,
  'redirect.note': '页面会自动跳转；如果没有跳转，请点击上面的链接。',
  // Reader controls, back to top and print (reading experience).
  ...readerUi,
  // Portal conventions (issue 13): 打印 and 大/中/小 beside a report (PageTools.astro).
  'tools.label': '页面工具',
  'tools.print': '打印',
  'tools.size': '字号',
  // Named apart from the reader settings' 字号 group (names match as substrings in tests and screen-reader searches).
  'tools.sizeGroup': '文字大小',
  'tools.sizeLarge': '大',
  'tools.sizeMedium': '中',
  'tools.sizeSmall': '小',
  'reader.backToTop': '回到顶部',
  'print.address': '本页网址',
  // Portal conventions (issue 13): breadcrumb, footer identity, page tools, years and agencies.
  'breadcrumb.label': '当前位置',
  'breadcrumb.home': '首页',
  'footer.sponsor': '主办单位',
  'footer.operator': '承办单位',
  'footer.siteCode': '网站标识码',
  'footer.links': '相关链接',
  'footer.feedback': '纠错',
  'footer.feedbackLabel': (title: string) => `对本页内容纠错或提意见：${title}`,
  'footer.feed': '订阅（Atom）',
  'report.downloads': '下载',
  'report.downloadTxt': '文本',
  'report.downloadMd': 'Markdown',
  'report.downloadJson': 'JSON',
  'report.otherYears': '本机关其他年度报告',
  'report.previousYear': (year: number) => `上一年度（${year}年）`,
  'report.nextYear': (year: number) => `下一年度（${year}年）`,
  'report.allByAgency': (name: string) => `${name}历年报告`,
  'statutory.heading': '法定要求对照',
  'statutory.deadline': '公开时限',
  'statutory.deadlineValue': (date: string) => `${date}前`,
  'statutory.publishedOn': '发布日期',
  'statutory.before': '在公开时限之前',
  'statutory.after': '在公开时限之后',
  'statutory.items': '规定报告的事项',
  'statutory.coveredBy': '对应部分',
  'statutory.notCovered': '未单列部分',
  'statutory.rule': '查看规定原文',
  'statutory.summary': (covered: number, total: number) => `涵盖 ${covered}/${total} 项`,
  'rule.title': '法治政府建设年度报告的法定要求',
  'rule.description': '法治政府建设年度报告的公开时限和应当报告的事项。',
  'agency.title': (name: string) => `${name}法治政府建设年度报告`,
  'agency.description': (name: string) => `${name}历年法治政府建设年度报告，按法定事项逐年对照。`,
  'agency.reports': '历年报告',
  'agency.compare': '按法定事项逐年对照',
  'agency.compareIntro': '同一事项在各年度报告中的对应部分并排列出，点击可阅读该部分全文。',
  'agency.noPart': '该年度报告未单列此项。',
  'year.title': (year: number) => `${year}年度法治政府建设年度报告`,
  'year.description': (year: number) =>
    `${year}年度各机关法治政府建设年度报告，附发布日期和涵盖的法定事项。`,
  'year.agency': '发布机关',
  'year.report': '报告',
  'year.published': '发布日期',
  'year.items': '涵盖的法定事项',
  'year.count': (n: number) => `共 ${n} 份报告。`,
  'home.latest': (year: number) => `${year}年度报告`,
  'home.allOfYear': (year: number) => `${year}年度全部报告`,
  'home.byYear': '按年度浏览',
  'home.byAgency': '按发布机关浏览',
  'home.reportCount': (n: number) => `${n} 份报告`,
  'feed.title': '法治政府建设年度报告',
  'feed.description': '各机关新发布的法治政府建设年度报告。',
  // Drafts (draft: true), shown only by npm run dev and npm run build -- --drafts.
  'draft.label': '草稿',
  'draft.notice': '本报告尚未正式发布，内容可能修改，请勿转发或引用。',
  // Editions, corrections and withdrawals (issue 19).
  'edition.correctedNotice': (date: string) => `本报告于${date}更正`,
  'edition.history': '修订记录',
  'edition.historyTitle': (title: string) => `修订记录 - ${title}`,
  'edition.historyDescription': (title: string) =>
    `${title}的各个版本：发布、更正和撤回的日期与说明。`,
  'edition.historyIntro':
    '本报告发布后的每一次更正都在此记录。每个版本都有自己的网址，可以随时查阅；引用时请注明所引用的版本。',
  'edition.number': (n: number) => `第 ${n} 版`,
  'edition.published': '首次发布',
  'edition.corrected': '更正',
  'edition.withdrawn': '撤回',
  'edition.date': '日期',
  'edition.note': '说明',
  'edition.changes': '改动',
  'edition.changeCount': (n: number) => `${n} 处改动`,
  'edition.read': (n: number) => `阅读第 ${n} 版`,
  'edition.readCurrent': '阅读现行版本',
  'edition.compare': (a: number, b: number) => `比较第 ${a} 版与第 ${b} 版`,
  'edition.current': '现行版本',
  'edition.earlierTitle': (n: number, title: string) => `${title}（第 ${n} 版）`,
  'edition.earlierLabel': '早先版本',
  'edition.earlierNotice': (n: number, date: string) =>
    `这是本报告的第 ${n} 版（${date}），不是现行版本。`,
  'edition.earlierLink': '阅读现行版本',
  'edition.compareTitle': (a: number, b: number, title: string) =>
    `第 ${a} 版与第 ${b} 版的比较 - ${title}`,
  'edition.compareHeading': (a: number, b: number) => `第 ${a} 版与第 ${b} 版的比较`,
  'edition.compareIntro':
    '左为较早的版本，右为较新的版本；删去的文字用删除线标出，新增的文字加下划线标出。',
  'edition.compareBefore': (n: number) => `第 ${n} 版`,
  'edition.compareAfter': (n: number) => `第 ${n} 版`,
  'edition.compareNone': '（无）',
  'edition.compareField': (field: string) => `报告信息：${field}`,
  'edition.compareNothing': '两个版本的文字相同。',
  'edition.paragraphCorrected': (date: string) => `此段已于${date}更正`,
  'edition.paragraphBefore': (date: string) => `${date}更正前：`,
  'edition.paragraphRemoved': (date: string) => `此段已于${date}删去。`,
  'edition.paragraphRemovedLink': (n: number) => `查看第 ${n} 版中的这一段`,
  'edition.withdrawnLabel': '已撤回',
  'edition.withdrawnNotice': (date: string) => `本报告已于${date}撤回。`,
  'edition.withdrawnReason': '撤回原因：',
  'edition.withdrawnBelow': '以下是撤回前的最后一版，仅供查阅，不再有效。',
  'edition.feedCorrected': (title: string) => `更正：${title}`,
  'edition.feedWithdrawn': (title: string) => `撤回：${title}`,
  // npm run dev has no search index: search is built with the site.
  'search.devUnavailable':
    '预览模式（npm run dev）下不能搜索：搜索索引在生成网站时建立。请运行 npm run build 后再运行 npm run preview，在完整网站中搜索。',
} as const;

export type UiKey = keyof typeof ui;

/** The UI string (or string template) for `key`. */
export function t<K extends UiKey>(key: K): (typeof ui)[K] {
  return ui[key];
}
