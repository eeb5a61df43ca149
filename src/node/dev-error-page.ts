import type { ContentProblem } from '../data/content-check.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/**
 * The page `npm run dev` shows while the content has errors: every problem with its file and line,
 * the field, what was found and what to write instead. Self-contained (no script, no stylesheet
 * request) so it shows whatever state the site is in.
 */
export function devErrorPage(issues: readonly ContentProblem[]): string {
  const items = issues
    .map(
      (issue) => `<li>
<p class="where"><code>${escapeHtml(`${issue.file}:${issue.line ?? 1}`)}</code></p>
<dl>
<dt>字段</dt><dd><code>${escapeHtml(issue.field)}</code></dd>
<dt>发现</dt><dd>${escapeHtml(issue.found)}</dd>
<dt>应为</dt><dd>${escapeHtml(issue.expected)}</dd>
</dl>
</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>内容有 ${issues.length} 处错误 - 预览</title>
</head>
<body>
<main id="content-errors">
<h1>内容有 ${issues.length} 处错误，预览暂停</h1>
<p>请按下列提示修改对应文件，保存后刷新本页。每条写明：文件和行号、字段、发现了什么、应该怎么写。</p>
<ol>
${items}
</ol>
<p>全部改好后，本页会显示网站预览。也可以运行 <code>npm run check:content</code> 在命令行查看同样的清单。</p>
</main>
</body>
</html>
`;
}
