/**
 * The importer words its notes for the command line ("请用 --agency 给出全称"). On the desk the
 * same value is typed into the form, so each option is named by its form field instead; the
 * note is otherwise the importer's own.
 */
const OPTION_FIELDS: Record<string, string> = {
  '--agency': '“机构全称”',
  '--short-name': '“机构简称”',
  '--title': '“报告标题”',
  '--year': '“年度”',
  '--published': '“发布日期”',
  '--signature': '“落款单位”和“落款日期”',
  '--summary': '“简介”',
  '--source': '“来源”',
  '--index-number': '“索引号”',
  '--document-number': '“文号”',
  '--source-url': '“原文网址”',
};

export function formWording(note: string): string {
  return note.replace(
    /(请)?用 (--[a-z-]+)(?: (?:"[^"]*"|\d{4}(?:-\d{2}-\d{2})?))? ?/g,
    (whole, please: string | undefined, option: string) => {
      const field = OPTION_FIELDS[option];
      return field ? `${please ?? ''}在表单的${field}中` : whole;
    },
  );
}

/** Commands a content message tells the publisher to run, and where the desk does the same. */
const COMMANDS: readonly [RegExp, string][] = [
  [
    /(?:运行 )?npm run publish-report -- \S+ ?(?:记录它的第一版)?/g,
    '在这份报告的“发布”页记录第一版',
  ],
  [/(?:运行 )?npm run correct -- \S+ --note "[^"]*"/g, '在“发布”页写更正说明并点“记录更正”'],
  [/(?:运行 )?npm run withdraw -- \S+ --note "[^"]*"/g, '在“发布”页写撤回原因并撤回'],
  [/(?:运行 )?npm run check:content/g, '看“检查”页'],
];

/** Whether a message sends the publisher to an edition command (the desk's 发布 page). */
export const needsEditionStep = (text: string): boolean =>
  /npm run (?:publish-report|correct|withdraw)\b/.test(text);

/** A content message with each command replaced by the desk page that does the same. */
export function deskCommandWording(text: string): string {
  return COMMANDS.reduce((out, [pattern, words]) => out.replace(pattern, words), text);
}
