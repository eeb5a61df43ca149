import { CACHE_CONTROL, SECURITY_HEADERS } from '../lib/security/headers.ts';
import { normaliseBase } from '../lib/addresses/urls.ts';
import { COMPRESSED_TYPES, COMPRESSION } from './compression.ts';

export interface NginxOptions {
  /** The site's path on the server, from SITE_URL, e.g. /fzzf/. */
  base: string;
  /** The folder that holds the base folder: dist/ is uploaded to <root><base>. */
  root: string;
  /** `listen` value, e.g. 80 or 127.0.0.1:8080. */
  listen: string;
  serverName: string;
}

export const NGINX_DEFAULTS: NginxOptions = {
  base: '/fzzf/',
  root: '/var/www/html',
  listen: '80',
  serverName: 'www.example.gov.cn',
};

/**
 * A complete nginx `server` block for the site under a sub-path, with the site's security headers
 * and caching. nginx drops a server's add_header lines in any location that has its own, so each
 * location repeats the full set; `always` puts them on 404 pages too.
 */
export function nginxServerBlock(options: Partial<NginxOptions> = {}): string {
  const { root, listen, serverName } = { ...NGINX_DEFAULTS, ...options };
  const base = normaliseBase(options.base ?? NGINX_DEFAULTS.base);
  const headers = (cache: string) =>
    [
      ...SECURITY_HEADERS.map(({ name, value }) => `add_header ${name} "${value}" always;`),
      `add_header Cache-Control "${cache}" always;`,
    ]
      .map((line) => `        ${line}`)
      .join('\n');
  const baseNoSlash = base.replace(/\/$/, '');
  return `# 法治政府建设年度报告网站：nginx 配置（由 npm run nginx-conf 生成，安全响应头取自 src/lib/security/）
# 网站地址：http://${serverName}${base}（生成网站时 SITE_URL 应与此一致）
# 把 dist/ 里的全部内容上传到 ${root}${base}
server {
    listen ${listen};
    server_name ${serverName};
    # 使用 HTTPS 时：改为 listen 443 ssl; 配置 ssl_certificate 和 ssl_certificate_key，
    # 并在下面每组 add_header 中加入 add_header Strict-Transport-Security "max-age=31536000" always;

    root ${root};
    charset utf-8;
    server_tokens off;
    autoindex off;
    # 跳转（如补上末尾的 /）使用相对地址，经过反向代理或 CDN 时也不会跳错端口。
    absolute_redirect off;

    # 文本类文件压缩传输：支持 Brotli 的浏览器（HTTPS 下的现代浏览器）收到 Brotli，其余收到 gzip。
    # 样式、脚本在生成时已按最高压缩率压好（同名 .br 文件），直接发送。Pagefind 的索引文件本身已压缩，不再压缩。
    # Brotli 需要 nginx 的 Brotli 模块（Debian/Ubuntu：apt install libnginx-mod-http-brotli-filter
    # libnginx-mod-http-brotli-static）；没有该模块时删去以 brotli 开头的 5 行，网站照常工作，只是传输稍大。
    brotli on;
    brotli_static on;
    brotli_comp_level ${COMPRESSION.brotliLevel};
    brotli_min_length ${COMPRESSION.minLength};
    brotli_types ${COMPRESSED_TYPES.join(' ')};
    gzip on;
    gzip_vary on;
    gzip_comp_level ${COMPRESSION.gzipLevel};
    gzip_min_length ${COMPRESSION.minLength};
    gzip_types ${COMPRESSED_TYPES.join(' ')};

    error_page 404 ${base}404.html;

    location = ${baseNoSlash} {
        return 301 ${base};
    }

    # 页面：/reports/…/ 对应 …/index.html（少写末尾 / 时跳转补上）；找不到时显示网站自己的 404 页面。
    location ${base} {
        index index.html;
        try_files $uri $uri/ =404;
${headers(CACHE_CONTROL.short)}
    }

    # Astro 生成的样式和脚本，文件名含内容哈希，内容一变名字就变：可长期缓存。
    location ${base}_astro/ {
        try_files $uri =404;
${headers(CACHE_CONTROL.hashed)}
    }

    # Pagefind 的入口文件名字不变（pagefind.js、pagefind-entry.json、wasm.unknown.pagefind）：短缓存。
    location ${base}pagefind/ {
        try_files $uri =404;
${headers(CACHE_CONTROL.short)}
    }

    # Pagefind 的索引分块和元数据文件名含哈希（包括 years/、parts/ 下按年份、按部分的索引）：可长期缓存。
    location ~ ^${escapeRegex(base)}pagefind/(?:(?:years|parts)/[\\w-]+/)*(?:(?:index|filter|fragment)/|pagefind\\.[^/]+_[0-9a-f]+\\.pf_meta$) {
        try_files $uri =404;
        default_type application/octet-stream;
${headers(CACHE_CONTROL.hashed)}
    }
}
`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
