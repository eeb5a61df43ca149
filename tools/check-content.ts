// Checks the content without building: every problem in one pass, in Chinese, as
// 文件:行  字段  发现  应为. Usage: npm run check:content [-- --dir content/reports]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ContentProblem, checkContentFiles } from '../src/data/content-check.ts';
import { contentPathsFrom } from '../src/data/paths.ts';
import { formatReviewLine } from '../src/lib/content/review.ts';

const DEFAULT_DIR = contentPathsFrom(process.env).reportsDir;
const USAGE = `用法：npm run check:content [-- --dir 报告目录]

只检查内容、不生成网站，几秒内列出全部问题，每条一行：文件:行  字段  发现  应为。
  错误：必须修改，否则网站不能生成（npm run build 会停止）。
  提醒：建议核对，例如占位内容（草稿中）、缺少法定报告事项、发布日期晚于次年 4 月 1 日、没有正文的章节。
选项：
  --dir 目录   要检查的报告目录（默认 ${DEFAULT_DIR}）
  --help       显示本说明`;

const started = performance.now();
let dir = DEFAULT_DIR;
try {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  dir = values.dir ?? DEFAULT_DIR;
} catch {
  console.error(`选项有误。\n\n${USAGE}`);
  process.exit(2);
}

let issues: ContentProblem[];
try {
  ({ problems: issues } = await checkContentFiles({
    ...contentPathsFrom(process.env),
    reportsDir: path.resolve(dir),
  }));
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? '没有读取权限' : '读取失败';
  console.error(`内容检查没有完成：${dir} ${reason}。请确认目录存在且可以读取后重试。`);
  process.exit(2);
}
// Grouped by file and in line order within it, so a publisher works down each file once; a
// problem with no line of its own (a missing field) points at the top of its file.
issues = issues
  .map((issue) => ({ ...issue, line: issue.line ?? 1 }))
  .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const errors = issues.filter((issue) => issue.severity === 'error');
const warnings = issues.filter((issue) => issue.severity === 'warning');
const seconds = ((performance.now() - started) / 1000).toFixed(2);

if (errors.length) {
  console.log(`错误 ${errors.length} 处（必须修改，否则网站不能生成）：`);
  for (const issue of errors) console.log(formatReviewLine(issue));
  console.log('');
}
if (warnings.length) {
  console.log(`提醒 ${warnings.length} 处（建议核对）：`);
  for (const issue of warnings) console.log(formatReviewLine(issue));
  console.log('');
}
console.log(
  errors.length
    ? `内容检查：${errors.length} 处错误，${warnings.length} 处提醒（用时 ${seconds} 秒）。改好后再运行 npm run check:content。`
    : `内容检查：没有错误，${warnings.length} 处提醒（用时 ${seconds} 秒）。可以生成网站：SITE_URL=网站地址 npm run build`,
);
process.exit(errors.length ? 1 : 0);
