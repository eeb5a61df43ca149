/**
 * Section and paragraph links' copy messages.
 * Part of src/i18n/ui.ts, kept in a module of its own so the script that shows these strings
 * bundles them alone (a bundler cannot split one module between scripts).
 */
export const permalinkUi = {
  'permalink.copiedParagraph': '已复制本段链接',
  'permalink.copiedSection': '已复制本节链接',
  'permalink.copyFailed': '无法复制，请从地址栏复制链接',
} as const;
