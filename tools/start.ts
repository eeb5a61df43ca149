// Builds the site for this computer and serves it. Usage: npm start [-- --port 4321]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { portFromArgs } from '../src/node/port.ts';

const port = portFromArgs(
  '用法：npm start [-- --port 端口]\n\n生成网站并在本机打开（默认 http://localhost:4321/）。只用于本机查看；上线请用 SITE_URL=网站地址 npm run build。',
);

const tools = import.meta.dirname;
// The local address goes into QR codes and canonical links: this build is for this computer only.
const env = { ...process.env, SITE_URL: process.env['SITE_URL'] || `http://localhost:${port}/` };
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(tools, script), ...args], { stdio: 'inherit', env });
const built = run('build.ts', []);
if (built.status !== 0) process.exit(built.status ?? 1);
process.exit(run('preview.ts', ['--port', String(port)]).status ?? 1);
