/**
 * The reader settings' panel (reader-panel.ts). Part of src/i18n/ui.ts, kept in a module of its own so the scripts that show
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
} as const;
