/**
 * Results as you type, the search page's results and the landing highlight.
 * Part of src/i18n/ui.ts, kept in a module of its own so the script that shows these strings
 * bundles them alone (a bundler cannot split one module between scripts).
 */
export const searchUi = {
  'search.searching': '正在搜索…',
  'search.countNone': '没有找到结果，请换个关键词试试。',
  // {count} is filled in by the search script.
  'search.countSome': '找到 {count} 条结果',
  'search.prompt': '输入关键词开始搜索。',
  'search.error': '搜索暂时不可用，请稍后重试。',
  'search.preamble': '引言',
  'search.highlighted': '已高亮显示搜索词：',
  'search.clearHighlight': '取消高亮',
  // {count} and {shown} are filled in by the search script.
  'search.countSomeShown': '找到 {count} 条结果，已显示前 {shown} 条',
  // Before every candidate's text is checked, the count is the engine's estimate.
  'search.countAboutShown': '找到约 {count} 条结果，已显示前 {shown} 条',
  // {text} is what a Latin query was read as.
  'search.pinyin': '按拼音查找“{text}”：',
  'search.allResultsCount': '查看全部 {count} 条结果',
  'search.allResultsAbout': '查看全部约 {count} 条结果',
  'search.allResults': '查看全部搜索结果',
  'search.suggestionsLabel': '搜索建议',
  // Figures answering a query that names an indicator (行政复议 嘉定 2023).
  'search.figuresLabel': '数据',
  'search.figureOf': '{agency} {year}年 {indicator}：',
} as const;
