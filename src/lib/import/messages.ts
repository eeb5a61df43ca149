import { STATUTORY_ITEMS } from '../../schemas/section.ts';
import { formatContentIssue, type ContentIssue } from '../content/errors.ts';
import { formatChineseDate } from '../content/dates.ts';
import { displayNumbering, joinHeading } from '../content/numbering.ts';
import type { TextEncodingName } from './encoding.ts';
import type { ImportPlan } from './plan.ts';
import type { ImportedReport } from './structure.ts';

/** Everything `npm run import` tells a publisher, in one place, in Chinese. */

export const HELP = `用法：npm run import -- <文件> --agency-id <机构标识> [选项]

把一份法治政府建设年度报告转换为 content/reports/ 下的报告文件夹。
可导入 Word 文件（.docx）、纯文本（.txt，如从网页复制的全文）和 Markdown（.md）。
纯文本可以是 UTF-8、UTF-16 或 GBK/GB18030 编码。

必填：
  --agency-id <标识>   机构的英文标识，小写字母开头，只含小写字母、数字和连字符，
                       例如 jiading-police。它是报告网址的一部分，确定后不要再改

可选（原文没有或识别有误时使用；导入工具猜的每一项都可以这样给出）：
  --title <标题>       报告标题（默认取原文的标题行；原文没有标题行时必须给出）
  --agency <全称>      机构全称，如 上海市公安局嘉定分局（默认取原文的落款、标题或发布机构）
  --short-name <简称>  机构简称，如 嘉定公安分局（默认由标题推得）
  --year <年度>        报告所述年度，如 2023（默认取自标题）
  --published <日期>   发布日期，如 2024-03-28（默认取原文的“发布时间”或“发布日期”）
  --signature <落款>   落款单位和日期，如 "上海市公安局嘉定分局 2024年3月22日"；
                       只写单位或只写日期也可以
  --summary <简介>     一两句话的简介（默认取开头第一句）
  --source <来源>      来源，如 XX区人民政府办公室（默认取原文的“来源”或“转自”；
                       --source "" 表示不写来源）
  --index-number <索引号>    索引号（默认取原文的“索引号”；--index-number "" 表示不写）
  --document-number <文号>   文号（默认取原文的“文号”；--document-number "" 表示不写）
  --items <事项,…>     各顶级部分的法定报告事项，按顺序用逗号分隔（默认按标题推测），可选：
                       主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他
  --source-url <网址>  原文的发布网址
  --draft              写为草稿（不发布），即使信息齐全
  --dry-run            只显示识别结果，不写文件
  --force              替换已有的同名报告文件夹（其中原有的文件会被删除）
  --out <文件夹>       写到哪里，默认 content/reports
  --help               显示本说明

原文没有发布日期时，报告写为草稿（draft: true），并列出缺少的字段；
补全后运行 npm run publish-report -- 报告标识 --date 发布日期 发布（不必手改 draft: true）。
政策解读、通知、工作要点等不是年度报告的文字不会导入；导入工具会说明它是什么、应导入哪份报告。

示例：
  npm run import -- 报告.docx --agency-id jiading-police
  npm run import -- 网页全文.txt --agency-id xx-district --published 2024-03-28
`;

export const ENCODING_NAMES: Record<TextEncodingName, string> = {
  'UTF-8': 'UTF-8',
  'UTF-16LE': 'UTF-16',
  'UTF-16BE': 'UTF-16（大端）',
  GB18030: 'GBK/GB18030',
};

export const messages = {
  failed: (reason: string) => `导入失败：${reason}`,
  nothingWritten: '未写入任何文件。',
  noFile:
    '请给出要导入的文件，例如：npm run import -- 报告.docx --agency-id jiading-police\n运行 npm run import -- --help 查看全部选项。',
  unknownOption: (option: string) =>
    `不认识的选项 ${option}。运行 npm run import -- --help 查看全部选项。`,
  missingValue: (option: string) =>
    `选项 ${option} 后面缺少值，例如 ${option} ${exampleOf(option)}`,
  noAgencyId:
    '缺少 --agency-id（机构的英文标识，例如 jiading-police）。它是报告网址的一部分，确定后不要再改。',
  badAgencyId: (value: string) =>
    `--agency-id “${value}” 不能用：应为小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 jiading-police`,
  badDate: (option: string, value: string) =>
    `${option} “${value}” 不是有效日期，应写成 YYYY-MM-DD，例如 ${option} 2024-03-28`,
  emptyValue: (option: string) => `${option} 后面的值是空的，例如 ${option} ${exampleOf(option)}`,
  badItems: (value: string) =>
    `--items “${value}” 看不懂：应为按顺序排列、用逗号分隔的法定报告事项，每项是 ${STATUTORY_ITEMS.join('、')} 之一，例如 --items 主要举措和成效,存在的不足和原因,下一年度主要安排`,
  badYear: (value: string) => `--year “${value}” 不是年份，应为四位数字，例如 --year 2023`,
  badSignature: (value: string) =>
    `--signature “${value}” 看不懂：应为落款单位和日期，例如 --signature "上海市公安局嘉定分局 2024年3月22日"`,
  severalFilesWithValues: (options: string[]) =>
    `${options.join('、')} 只适用于一份报告；一次导入多个文件时请分开导入`,
  notFound: (file: string) => `找不到文件 ${file}。请检查文件名和所在文件夹。`,
  oldWord: (file: string) =>
    `${file} 是旧版 Word 格式（.doc）。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后再导入。`,
  unsupported: (file: string) =>
    `不支持导入 ${file}：只能导入 Word 文件（.docx）、纯文本（.txt）和 Markdown（.md）。PDF 等其他格式请先在 Word 或 WPS 中另存为 .docx。`,
  unreadableWord: (file: string) =>
    `无法读取 Word 文件 ${file}：文件可能已损坏，或不是真正的 .docx。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后再导入。`,
  unknownEncoding: (file: string) =>
    `无法识别 ${file} 的文字编码（不是 UTF-8、UTF-16 或 GBK），按任何一种读取都会是乱码。\n` +
    '请把它另存为 UTF-8 编码后再导入：\n' +
    '  - 记事本：“文件”→“另存为”，下方“编码”选 UTF-8，保存；\n' +
    '  - WPS / Word：“文件”→“另存为”，类型选“纯文本(*.txt)”，在弹出的编码选项中选 Unicode (UTF-8)；\n' +
    '  - 也可以直接导入原始的 Word 文件（.docx）。',
  exists: (folder: string) =>
    `${folder} 已存在，未作改动。如要用本次导入的结果替换它（其中原有的文件会被删除），请加 --force。`,
  cannotImport: (file: string, problems: readonly string[]) =>
    `${file} 缺少必要的信息：\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
  notAReport: (file: string, reason: string) => `${file} 不是法治政府建设年度报告。${reason}`,
  invalidResult: (issues: readonly ContentIssue[]) =>
    `导入结果未能通过内容检查：\n\n${issues.map(formatContentIssue).join('\n\n')}\n\n可用 --year、--published、--signature 等选项更正识别结果。`,
  unexpected:
    '导入时发生意外错误。请把所用的命令和文件发给网站技术人员（设置环境变量 DEBUG=import 可显示详细信息）。',
};

function exampleOf(option: string): string {
  const examples: Record<string, string> = {
    '--agency-id': 'jiading-police',
    '--agency': '上海市公安局嘉定分局',
    '--short-name': '嘉定公安分局',
    '--year': '2023',
    '--published': '2024-03-28',
    '--signature': '"上海市公安局嘉定分局 2024年3月22日"',
    '--source-url': 'https://www.example.gov.cn/…',
    '--title': '"XX区人民政府关于2023年度法治政府建设情况的报告"',
    '--summary': '"2023年，XX区坚持依法行政，法治政府建设取得新成效。"',
    '--source': 'XX区人民政府办公室',
    '--index-number': '11500000MB17643950/2026-00028',
    '--document-number': 'XX府报〔2024〕5号',
    '--items': '主要举措和成效,存在的不足和原因,下一年度主要安排',
    '--out': 'content/reports',
  };
  return examples[option] ?? '…';
}

/** What a Word file held that is not imported, for the summary. */
export interface WordNotes {
  images: string[];
  autoNumbered: number;
  mergedCells: number;
}

export const wordNotes = {
  image: (after: string | undefined) =>
    after === undefined ? '图片（位于开头）' : `图片（位于“${after}”之后）`,
  autoNumbered: (count: number) =>
    `有 ${count} 个段落使用 Word 自动编号，已按编号列表导入；如其中有章节标题，请在 Word 中改为手工输入的编号后重新导入`,
  mergedCells: (count: number) => `表格中有 ${count} 个合并单元格，导入后已拆开，请核对表格`,
  numberedHeadings: (count: number) =>
    `有 ${count} 个标题的编号（如“一、”“（一）”）是 Word 自动编号，已按 Word 显示的编号写入标题，请核对章节编号`,
};

const FIELDS_READ = /已读取其中的字段/;

const clip = (text: string, length = 24) =>
  text.length > length ? `${text.slice(0, length)}…` : text;

/**
 * The summary printed after an import, for a publisher to check in one look: what to check
 * first, then each field with where it came from, the tree, and every line not imported and why.
 */
export function formatImportSummary(input: {
  file: string;
  encoding?: TextEncodingName;
  report: ImportedReport;
  plan: ImportPlan;
  outDir: string;
  written: boolean;
  notImported?: readonly string[];
  notes?: readonly string[];
}): string {
  const { report, plan } = input;
  const data = plan.data as {
    title: string;
    agency: { name: string; shortName: string };
    year: number;
    published?: string;
    signature?: { body?: string; date?: string };
    summary: string;
    source?: string;
    indexNumber?: string;
    documentNumber?: string;
  };
  const o = plan.origins;
  const lines: string[] = [];
  lines.push(
    `已读取 ${input.file}${input.encoding && input.encoding !== 'UTF-8' ? `（${ENCODING_NAMES[input.encoding]} 编码）` : ''}`,
  );

  const check = [...report.notes, ...(plan.notes ?? []), ...(input.notes ?? [])];
  const signature = data.signature;
  if (!signature)
    check.push(
      '原文末尾没有落款，报告页将不显示落款。如原文有落款，请用 --signature "单位 日期" 给出',
    );
  else if (!signature.body)
    check.push('落款只有日期，没有落款单位。如原文有，请用 --signature "单位 日期" 给出');
  else if (!signature.date)
    check.push('落款只有单位，没有日期。如原文有，请用 --signature "单位 日期" 给出');
  if (plan.draft) {
    const options = plan.missing.filter((m) => m.option.startsWith('--')).map((m) => m.option);
    check.unshift(
      plan.missing.length
        ? `写为草稿（draft: true），不会发布：原文没有 ${plan.missing.map((m) => `${m.field}（${m.label}）`).join('、')}。补全后运行 npm run publish-report -- ${plan.folder} --date 发布日期 发布${options.length ? `；或加上 ${options.join(' ')} --force 重新导入` : ''}`
        : '已按 --draft 写为草稿（draft: true），不会发布。核对完毕后删去 draft: true',
    );
  }
  if (check.length) {
    lines.push(`请注意（${check.length} 条）：`);
    lines.push(...check.map((note) => `  - ${note}`));
  }

  const from = (field: string) => (o[field] ? `（${o[field]}）` : '');
  lines.push(`标题：${data.title}${from('title')}`);
  lines.push(`年度：${data.year}${from('year')}`);
  lines.push(`机构：${data.agency.name}${from('agency.name')}`);
  lines.push(`简称：${data.agency.shortName}${from('agency.shortName')}`);
  lines.push(
    data.published
      ? `发布日期：${formatChineseDate(data.published)}${from('published')}`
      : '发布日期：原文没有（可用 --published 给出）',
  );
  lines.push(
    signature
      ? `落款：${[signature.body, signature.date && formatChineseDate(signature.date)].filter(Boolean).join(' ')}${from('signature')}`
      : '落款：原文没有（可用 --signature 给出）',
  );
  lines.push(`简介：${data.summary}${from('summary')}`);
  lines.push(data.source ? `来源：${data.source}${from('source')}` : '来源：原文没有');
  if (data.indexNumber) lines.push(`索引号：${data.indexNumber}${from('indexNumber')}`);
  if (data.documentNumber) lines.push(`文号：${data.documentNumber}${from('documentNumber')}`);
  lines.push('章节：');
  for (const section of plan.sections) {
    const indent = section.parent === undefined ? '  ' : '      ';
    const heading = `${joinHeading(displayNumbering(section.numbering), clip(section.title))}${section.runIn ? '。…' : ''}`;
    let line = `${indent}${section.id.padEnd(6)}${heading}`;
    if (section.item !== undefined)
      line += section.itemGiven
        ? `  → ${section.item}（来自 --items）`
        : section.itemBasis
          ? `  → ${section.item}（推测：标题含“${section.itemBasis}”）`
          : `  → ${section.item}（未能推测，请选择）`;
    lines.push(line);
  }

  const skipped = report.skipped ?? report.dropped.map((text) => ({ line: 0, text, reason: '' }));
  const unit = input.file.toLowerCase().endsWith('.docx') ? '段' : '行';
  // Consecutive rows of a portal's information table (printed row by row, often twice) are one
  // entry: their fields are shown above; every other line is listed as it was.
  const runs: { first: number; last: number; text: string; reason: string; count: number }[] = [];
  for (const line of skipped) {
    const run = runs.at(-1);
    if (
      run &&
      line.line &&
      run.last + 1 === line.line &&
      run.reason === line.reason &&
      FIELDS_READ.test(line.reason)
    ) {
      run.last = line.line;
      run.count++;
    } else
      runs.push({
        first: line.line,
        last: line.line,
        text: line.text,
        reason: line.reason,
        count: 1,
      });
  }
  const notImported = [
    ...runs.map((run) => {
      const where = !run.first
        ? ''
        : run.count > 1
          ? `第 ${run.first}–${run.last} ${unit}（${run.count} ${unit}）`
          : `第 ${run.first} ${unit}`;
      // Runs of spaces (U+3000 between a table's cells) shown as one.
      return `${where}“${clip(run.text.replace(/[\s\u3000]+/g, ' '), 40)}”${run.count > 1 ? '等' : ''}${run.reason ? `：${run.reason}` : ''}`;
    }),
    ...report.metadata.other.map((pair) => `网页信息“${pair}”：不是报告的字段，未采用`),
    ...(input.notImported ?? []).map((what) => `${what}：报告只导入文字`),
  ];
  if (notImported.length) {
    lines.push(`未导入（${notImported.length} 项）：`);
    lines.push(...notImported.map((line) => `  - ${line}`));
  }

  const where = `${input.outDir}/${plan.folder}/`;
  const count = plan.sections.length;
  if (input.written) lines.push(`已写入 ${where}：report.md 和 ${count} 个章节文件。`);
  else lines.push(`（试运行：未写入文件。去掉 --dry-run 即写入 ${where}）`);
  lines.push(
    `下一步：核对文件中注明“请核对”的值（各部分的 item 可选 ${STATUTORY_ITEMS.join('、')}），然后运行 npm run publish-report -- ${plan.folder}${plan.draft ? ' --date 发布日期' : ''}：先检查，无误即发布并记录第一版，有问题则逐条列出。`,
  );
  return lines.join('\n');
}
