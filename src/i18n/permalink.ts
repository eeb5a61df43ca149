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
} as const;
