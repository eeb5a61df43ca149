// Withdraws a published report. Usage: npm run withdraw -- <报告标识> --note "撤回原因" [--date YYYY-MM-DD]
import { formatChineseDate } from '../src/lib/content/dates.ts';
import { DEFAULT_REPORTS_DIR, runEditionCli } from '../src/node/edition-cli.ts';
import { EditionCommandError, withdrawReport } from '../src/node/editions.ts';

const USAGE = `用法：npm run withdraw -- 报告标识 --note "撤回原因" [--date YYYY-MM-DD]

撤回一份已发布的报告。报告的网址仍然有效：页面顶部注明“已撤回”、日期和原因，最后一版仍可在下方查阅；
报告不再出现在首页列表、站内搜索和网站地图中。撤回记录写入报告文件夹中的 editions.json，不能撤销。
选项：
  --note 原因  撤回原因，读者可见（必填）
  --date 日期  撤回日期，如 2024-05-01（默认今天；不能早于上一版）
  --dir 目录   报告目录（默认 ${DEFAULT_REPORTS_DIR}）
  --help       显示本说明`;

await runEditionCli(
  'withdraw',
  USAGE,
  ['note', 'date'],
  async ({ values, positionals, reportsDir }) => {
    if (positionals.length !== 1)
      throw new EditionCommandError(
        '请写出要撤回的一份报告的标识（报告文件夹名），例如 npm run withdraw -- 2024-jiading-police --note "撤回原因"。',
      );
    const folder = positionals[0]!;
    const { date } = await withdrawReport(folder, values.note, { reportsDir, date: values.date });
    console.log(
      `${folder} 已于 ${formatChineseDate(date)}撤回。生成网站：SITE_URL=网站地址 npm run build`,
    );
  },
);
