import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nginxServerBlock } from '../../src/node/nginx.ts';
import { freePort } from './server.ts';

export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';

/** Debian's Brotli modules, which the shipped configuration uses (test:prereqs installs them). */
const BROTLI_MODULES = [
  '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so',
  '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
];

export interface NginxSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Runs the real nginx, unprivileged, with the shipped server block (src/node/nginx.ts) serving a
 * copy of `dist` under `base`, the way content/README.md tells a publisher to deploy it.
 */
export async function serveWithNginx(dist: string, base: string): Promise<NginxSite> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'fzzf-nginx-'));
  // nginx started as root reads files as an unprivileged worker; mkdtemp's folder is 0700.
  chmodSync(prefix, 0o755);
  const root = path.join(prefix, 'www');
  mkdirSync(path.join(root, base), { recursive: true });
  // dist is a link to the live version: copy what it points to, as `cp -r dist/.` would.
  cpSync(realpathSync(dist), path.join(root, base), { recursive: true });
  const port = await freePort();
  const server = nginxServerBlock({
    base,
    root,
    listen: `127.0.0.1:${port}`,
    serverName: 'localhost',
  });
  const mimeTypes = '/etc/nginx/mime.types';
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `daemon off;
${BROTLI_MODULES.map((module) => `load_module ${module};`).join('\n')}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 64; }
http {
    ${existsSync(mimeTypes) ? `include ${mimeTypes};` : ''}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`,
  );
  writeFileSync(path.join(prefix, 'site.conf'), server);
  const check = spawnSync(NGINX_PATH, ['-t', '-p', prefix, '-c', `${prefix}/nginx.conf`], {
    encoding: 'utf8',
  });
  if (check.error)
    throw new Error(`nginx could not start from ${NGINX_PATH}: ${check.error.message}`);
  if (check.status !== 0) throw new Error(`nginx rejected the configuration:\n${check.stderr}`);
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', `${prefix}/nginx.conf`], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let tries = 0; ; tries += 1) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      if (!process.env['KEEP']) rmSync(prefix, { recursive: true, force: true });
    },
  };
}
