/**
 * The reader settings' panel (reader-panel.ts) and the 打印 and 大/中/小 bar beside a report
 * (page-tools.ts). Part of src/i18n/ui.ts, kept in a module of its own so the scripts that show
 * these strings bundle them alone (a bundler cannot split one module between scripts).
 */
export const readerUi = {
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
  // Portal conventions (issue 13): page tools.
  'tools.label': '页面工具',
  'tools.print': '打印',
  'tools.size': '字号',
  // Named apart from the reader settings' 字号 group (names match as substrings in tests and screen-reader searches).
  'tools.sizeGroup': '文字大小',
  'tools.sizeLarge': '大',
  'tools.sizeMedium': '中',
  'tools.sizeSmall': '小',
} as const;
