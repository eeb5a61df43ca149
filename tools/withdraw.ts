// Withdraws a published report. Usage: npm run withdraw -- <报告标识> --note "撤回原因" [--date YYYY-MM-DD]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentPathsFrom } from '../src/data/paths.ts';
import { formatChineseDate } from '../src/lib/content/dates.ts';
import { EditionCommandError, withdrawReport } from '../src/node/editions.ts';

const REPORTS_DIR = contentPathsFrom(process.env).reportsDir;

const USAGE = `用法：npm run withdraw -- 报告标识 --note "撤回原因" [--date YYYY-MM-DD]

撤回一份已发布的报告。报告的网址仍然有效：页面顶部注明“已撤回”、日期和原因，最后一版仍可在下方查阅；
报告不再出现在首页列表、站内搜索和网站地图中。撤回记录写入报告文件夹中的 editions.json，不能撤销。
选项：
  --note 原因  撤回原因，读者可见（必填）
  --date 日期  撤回日期，如 2024-05-01（默认今天；不能早于上一版）
  --dir 目录   报告目录（默认 ${REPORTS_DIR}）
  --help       显示本说明`;

let values: { note?: string; date?: string; dir?: string; help?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      note: { type: 'string' },
      date: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch {
  console.error(`选项有误。\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
try {
  if (positionals.length !== 1)
    throw new EditionCommandError(
      '请写出要撤回的一份报告的标识（报告文件夹名），例如 npm run withdraw -- 2024-jiading-police --note "撤回原因"。',
    );
  const folder = positionals[0]!;
  const { date } = await withdrawReport(folder, values.note, {
    reportsDir: path.resolve(values.dir ?? REPORTS_DIR),
    date: values.date,
  });
  console.log(
    `${folder} 已于 ${formatChineseDate(date)}撤回。生成网站：SITE_URL=网站地址 npm run build`,
  );
} catch (error) {
  if (!(error instanceof EditionCommandError)) throw error;
  console.error(`${error.message}\n\n运行 npm run withdraw -- --help 查看用法。`);
  process.exit(1);
}
