// Live preview while writing: npm run dev [-- --port 4321]. Drafts are shown; content errors
// appear on the page in Chinese. Search needs a built index (npm run build, then npm run preview).
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { dev } from 'astro';
import { contentPathsFrom } from '../src/data/paths.ts';
import siteOptionsIntegration from '../src/integrations/site-options.ts';
import { siteUrl } from '../src/lib/addresses/urls.ts';
import { blockingIssues } from '../src/integrations/dev-content-errors.ts';
import { forgetStaleDevStore, renderVersion } from '../src/node/build-folders.ts';
import { devErrorPage } from '../src/node/dev-error-page.ts';
import { portFromArgs } from '../src/node/port.ts';

const USAGE = `用法：npm run dev [-- --port 端口]

边写边预览：修改并保存内容文件后，浏览器中的页面随之更新。草稿（draft: true）也会显示，并标明“草稿”。
内容有错误时，页面上会列出每处错误（文件和行号、字段、发现、应为），改好保存后刷新即可。
预览中不能搜索：搜索索引在生成网站时建立（npm run build 后运行 npm run preview）。
选项：
  --port 端口   默认 4321，被占用时换一个，例如 --port 4700
  --help        显示本说明`;

const port = portFromArgs(USAGE);
const paths = contentPathsFrom(process.env);

delete process.env['BASE_URL'];
const address = siteUrl(process.env['SITE_URL'] || `http://localhost:${port}/`);
const root = path.resolve(import.meta.dirname, '..');
const { base } = address;

/**
 * Astro refuses to start while a file breaks the schema, so until the content is valid a small
 * server answers every page with the Chinese list of errors; it hands over once they are fixed.
 */
async function waitForValidContent(): Promise<void> {
  if (!(await blockingIssues(paths)).length) return;
  const fallback = http.createServer((_req, res) => {
    blockingIssues(paths).then((issues) => {
      res.writeHead(issues.length ? 500 : 503, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        issues.length
          ? devErrorPage(issues)
          : '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>预览正在启动</title><p>内容已改好，预览正在启动，请几秒后刷新本页。</p></html>',
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    fallback.once('error', reject);
    fallback.listen(port, 'localhost', resolve);
  });
  console.log(
    `内容有错误，网站预览暂未启动。错误清单：http://localhost:${port}${base}\n按清单改好并保存后，预览会自动启动。`,
  );
  while ((await blockingIssues(paths)).length)
    await new Promise((resolve) => setTimeout(resolve, 1000));
  // A browser keeps its connection open; close() alone would wait for it.
  const closed = new Promise((resolve) => fallback.close(resolve));
  fallback.closeAllConnections();
  await closed;
}

try {
  await waitForValidContent();
  forgetStaleDevStore(root, renderVersion(new URL('../src/', import.meta.url)));
  const server = await dev({
    root,
    ...address,
    server: { port, host: 'localhost' },
    logLevel: 'error',
    // Drafts are previewed: the publisher is writing them.
    integrations: [siteOptionsIntegration({ drafts: true, paths })],
  });
  console.log(
    `预览已启动：http://localhost:${server.address.port}${base}\n保存内容文件后刷新页面即可看到修改；按 Ctrl+C 停止。`,
  );
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`端口 ${port} 已被占用。请换一个端口，例如 npm run dev -- --port ${port + 1}`);
  } else {
    // The technical detail (in English, with a stack) goes to a file for the developer, not the screen.
    const log = path.join(root, 'dev-error.log');
    writeFileSync(log, `${new Date().toISOString()}\n${(error as Error).stack ?? String(error)}\n`);
    console.error(
      `预览没有启动。请先运行 npm run check:content 查看内容问题；如仍不能启动，请把 ${path.relative(process.cwd(), log)} 文件发给网站技术人员。`,
    );
  }
  process.exit(1);
}
