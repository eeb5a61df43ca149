// Records a correction of a published report. Usage: npm run correct -- <报告标识> --note "更正说明" [--date YYYY-MM-DD]
import { formatChineseDate } from '../src/lib/content/dates.ts';
import { DEFAULT_REPORTS_DIR, runEditionCli } from '../src/node/edition-cli.ts';
import { correctReport, EditionCommandError } from '../src/node/editions.ts';

const USAGE = `用法：npm run correct -- 报告标识 --note "更正说明" [--date YYYY-MM-DD]

已发布的报告改动后，用本命令记录一次更正：与上一版相比改了哪些段落和字段、何时、为什么。
先修改报告文件，再运行本命令；网站上的报告顶部会注明更正日期和说明，旧版本仍可查阅。
选项：
  --note 说明  更正说明，读者可见，如 "更正第一部分中的统计数字"（必填）
  --date 日期  更正日期，如 2024-04-10（默认今天；不能早于上一版）
  --dir 目录   报告目录（默认 ${DEFAULT_REPORTS_DIR}）
  --help       显示本说明`;

await runEditionCli(
  'correct',
  USAGE,
  ['note', 'date'],
  async ({ values, positionals, reportsDir }) => {
    if (positionals.length !== 1)
      throw new EditionCommandError(
        '请写出要更正的一份报告的标识（报告文件夹名），例如 npm run correct -- 2024-jiading-police --note "更正说明"。',
      );
    const folder = positionals[0]!;
    const { edition, date, changed } = await correctReport(folder, values.note, {
      reportsDir,
      date: values.date,
    });
    console.log(
      `${folder} 已记录更正：第 ${edition} 版，${formatChineseDate(date)}，${changed} 处改动。生成网站：SITE_URL=网站地址 npm run build`,
    );
  },
);
