// Prints the nginx server block for the site (see content/README.md, 发布上线).
// Usage: npm run nginx-conf -- [--base /fzzf/] [--root /var/www/html] [--listen 80] [--server-name 域名]
import { parseArgs } from 'node:util';
import { NGINX_DEFAULTS, nginxServerBlock } from '../src/node/nginx.ts';

const USAGE = `用法：npm run nginx-conf -- [选项] > fzzf.conf

输出网站的 nginx 配置（server 段），放进 nginx 的 conf.d/ 或 sites-enabled/ 后重新加载 nginx。
选项：
  --base 子目录          网站在服务器上的子目录，与 SITE_URL 的路径一致（默认 ${NGINX_DEFAULTS.base}）
  --root 目录            存放网站的上级目录，dist/ 的内容上传到 “目录+子目录”（默认 ${NGINX_DEFAULTS.root}）
  --listen 端口          监听端口（默认 ${NGINX_DEFAULTS.listen}）
  --server-name 域名     网站域名（默认 ${NGINX_DEFAULTS.serverName}）`;

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      base: { type: 'string' },
      root: { type: 'string' },
      listen: { type: 'string' },
      'server-name': { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch {
  console.error(`选项有误。\n\n${USAGE}`);
  process.exit(1);
}
if (values['help']) {
  console.log(USAGE);
  process.exit(0);
}
process.stdout.write(
  nginxServerBlock({
    ...(typeof values['base'] === 'string' ? { base: values['base'] } : {}),
    ...(typeof values['root'] === 'string' ? { root: values['root'] } : {}),
    ...(typeof values['listen'] === 'string' ? { listen: values['listen'] } : {}),
    ...(typeof values['server-name'] === 'string' ? { serverName: values['server-name'] } : {}),
  }),
);
