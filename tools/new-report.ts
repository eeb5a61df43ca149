// Starts next year's report as a draft from the agency's latest one.
// Usage: npm run new -- --year 2024 --agency jiading-police [--force]
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/data/report-folders.ts';
import { contentPathsFrom } from '../src/data/paths.ts';
import { isReportYear, reportFolder, STABLE_ID } from '../src/lib/addresses/ids.ts';
import { scaffoldReport, shiftYears } from '../src/lib/content/scaffold.ts';

const USAGE = `用法：npm run new -- --year 年度 --agency 机构标识 [--force]

以该机构最近一年的报告为底稿，新建下一份报告的草稿文件夹：沿用机构名称和各部分（编号、标题、法定报告事项），
正文留空，标为草稿（draft: true）。例如：
  npm run new -- --year 2024 --agency jiading-police
选项：
  --year 年度       报告所述年度，例如 2024
  --agency 标识     机构英文标识，即已有报告文件夹名中年度后面的部分，例如 jiading-police
  --force           文件夹已存在时覆盖（会删除其中已写的内容）
  --help            显示本说明`;

function fail(message: string): never {
  console.error(`没有新建报告：${message}`);
  process.exit(1);
}

let values: { year?: string; agency?: string; force?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      year: { type: 'string' },
      agency: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch {
  fail(`选项有误。\n\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const year = Number(values.year);
if (!values.year || !isReportYear(year))
  fail(
    `--year 应为报告所述年度，例如 --year 2024${values.year ? `；现在是“${values.year}”` : ''}\n\n${USAGE}`,
  );
const agency =
  values.agency ?? fail(`缺少 --agency（机构英文标识，例如 jiading-police）\n\n${USAGE}`);
if (!STABLE_ID.test(agency))
  fail(
    `--agency 应为小写英文字母开头、只含小写字母、数字和连字符的标识，例如 jiading-police；现在是“${agency}”`,
  );

const reportsDir = path.resolve(contentPathsFrom(process.env).reportsDir);
const { reports, sections } = await loadContent(reportsDir);
const earlier = reports
  .filter((report) => report.data.agency.id === agency && report.data.year < year)
  .sort((a, b) => b.data.year - a.data.year);
const latest = earlier[0];
if (!latest) {
  const known = [...new Set(reports.map((report) => report.data.agency.id))].sort();
  fail(
    `没有找到机构 ${agency} 在 ${year} 年以前的报告，无从参照。\n已有报告的机构：${known.join('、') || '（无）'}\n第一次发布的机构请按 content/README.md 用导入工具（npm run import）或照模板新建。`,
  );
}
const folder = reportFolder(year, agency);
const target = path.join(reportsDir, folder);
const shown = path.relative(process.cwd(), target);
if (existsSync(target)) {
  if (!values.force) fail(`${shown}/ 已存在。如确要重新生成（会删除其中已写的内容），请加 --force`);
  await rm(target, { recursive: true });
}
const files = scaffoldReport(
  { data: latest.data, sections: sections.filter((section) => section.folder === latest.folder) },
  year,
);
await mkdir(target, { recursive: true });
for (const file of files) await writeFile(path.join(target, file.name), file.text);

const parts = sections
  .filter((section) => section.folder === latest.folder && section.data.parent === undefined)
  .sort((a, b) => a.data.order - b.data.order);
console.log(`已新建草稿 ${shown}/（参照 ${latest.folder}）：`);
console.log(`  report.md  标题、机构名称沿用；发布日期、落款日期和 summary 待补充`);
for (const part of parts)
  console.log(
    `  ${part.data.id}.md  ${part.data.numbering}${shiftYears(part.data.title, latest.data.year, year)}  〔${part.data.item}〕`,
  );
console.log(`
下一步：
  1. 在各文件中按原文写正文；需要小节时新建 s1-1.md 等（见 content/README.md 第三节）。
  2. 运行 npm run dev 边写边预览（草稿会标明“草稿”）；运行 npm run check:content 查看还缺什么。
  3. 定稿后删除 report.md 中的 draft: true，再正式生成。`);
