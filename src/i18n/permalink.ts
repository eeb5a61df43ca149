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
  // Accessible names start with the visible text, so a voice command naming it still works.
  'cite.paragraphLabel': '引用本段：复制 GB/T 7714 格式的引用',
  'cite.sectionLabel': (heading: string) => `引用本节：复制“${heading}”的 GB/T 7714 格式引用`,
  'cite.copied': (citation: string) => `已复制引用：${citation}`,
  'cite.copyFailed': (citation: string) => `请选中并复制：${citation}`,
} as const;
