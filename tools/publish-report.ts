// Publishes a checked draft and records its first edition; --all records a first edition for
// every published report without one. Usage: npm run publish-report -- <报告标识> [--date YYYY-MM-DD]
import { formatChineseDate } from '../src/lib/content/dates.ts';
import { DEFAULT_REPORTS_DIR, runEditionCli } from '../src/node/edition-cli.ts';
import { EditionCommandError, publishAll, publishReport } from '../src/node/editions.ts';

const USAGE = `用法：npm run publish-report -- 报告标识 [--date YYYY-MM-DD]
      npm run publish-report -- --all

把核对完毕的草稿转为正式报告，并记录它的第一版（写入报告文件夹中的 editions.json）：
删去 report.md 中的 draft: true；report.md 没有发布日期时，写入 --date 给出的日期。
报告还有错误或占位内容（待补充、…… 等）时不发布，并逐条列出。
选项：
  --date 日期  发布日期，如 2024-03-22（report.md 已写 published 时可省略，且须与之一致）
  --all        为每一份没有版本记录的正式报告记录第一版（日期取各自的 published），用于已有的网站
  --dir 目录   报告目录（默认 ${DEFAULT_REPORTS_DIR}）
  --help       显示本说明`;

await runEditionCli(
  'publish-report',
  USAGE,
  ['date', 'all'],
  async ({ values, positionals, reportsDir }) => {
    if (values.all) {
      if (positionals.length || values.date)
        throw new EditionCommandError(
          '--all 不能与报告标识或 --date 同时使用：各报告的日期取自各自的 published。',
        );
      const { recorded, refused } = await publishAll({ reportsDir });
      console.log(
        recorded.length
          ? `已为 ${recorded.length} 份报告记录第一版${recorded.length <= 10 ? `：${recorded.join('、')}` : ''}。`
          : '没有需要记录第一版的报告：每份正式报告都已有版本记录。',
      );
      for (const { folder, reason } of refused) console.error(`未记录 ${folder}：${reason}`);
      process.exit(refused.length ? 1 : 0);
    }
    if (positionals.length !== 1)
      throw new EditionCommandError(
        positionals.length
          ? `一次只能发布一份报告，收到 ${positionals.length} 个报告标识。`
          : '请写出要发布的报告标识（报告文件夹名），例如 npm run publish-report -- 2024-jiading-police。',
      );
    const folder = positionals[0]!;
    const { date, wasDraft } = await publishReport(folder, { reportsDir, date: values.date });
    console.log(
      `${folder} 已${wasDraft ? '转为正式报告并' : ''}记录第一版（${formatChineseDate(date)}发布）。生成网站：SITE_URL=网站地址 npm run build`,
    );
  },
);
