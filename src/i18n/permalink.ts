/**
 * Section and paragraph links' labels once they copy, and their copy messages.
 * Part of src/i18n/ui.ts, kept in a module of its own so the script that shows these strings
 * bundles them alone (a bundler cannot split one module between scripts).
 */
export const permalinkUi = {
  'permalink.copyParagraph': '复制本段链接',
  'permalink.copySection': (heading: string) => `复制本节链接：${heading}`,
  'permalink.copiedParagraph': '已复制本段链接',
  'permalink.copiedSection': '已复制本节链接',
  'permalink.copyFailed': '无法复制，请从地址栏复制链接',
  'cite.paragraph': '引用本段',
  'cite.sectionButton': '引用本节',
  'cite.paragraphLabel': '复制本段的引用（GB/T 7714）',
  'cite.sectionLabel': (heading: string) => `复制本节的引用（GB/T 7714）：${heading}`,
  'cite.copied': (citation: string) => `已复制引用：${citation}`,
  'cite.copyFailed': (citation: string) => `请选中并复制：${citation}`,
} as const;
