// Serves the existing dist/ with the security headers and caching of the shipped nginx config.
// Usage: npm run preview [-- --port 4321]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { portFromArgs } from '../src/node/port.ts';
import { builtBase, createStaticServer } from '../src/node/static-server.ts';

const USAGE = `用法：npm run preview [-- --port 端口]

在本机打开已生成的网站（dist/），不重新生成。响应头与上线用的 nginx 配置相同。
选项：
  --port 端口   默认 4321，被占用时换一个，例如 --port 4700
  --help        显示本说明`;

const port = portFromArgs(USAGE);

const dist = path.resolve(import.meta.dirname, '..', process.env['OUT_DIR'] ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(
    '还没有生成网站（dist/ 为空）。请先运行 SITE_URL=网站地址 npm run build，或运行 npm start。',
  );
  process.exit(1);
}
const base = builtBase(dist);
const server = createStaticServer(dist, base);
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `端口 ${port} 已被占用。请换一个端口，例如 npm run preview -- --port ${port + 1}`
      : `无法启动本机网站：${error.code ?? '未知原因'}`,
  );
  process.exit(1);
});
server.listen(port, () => {
  console.log(`网站已在本机打开：http://localhost:${port}${base}\n（按 Ctrl+C 停止）`);
});
