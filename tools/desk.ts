// The desk for publishers: npm run desk [-- --port 4400]. Import, correct, check, preview,
// publish and build from the browser, in Chinese. Listens on 127.0.0.1 only; the address it
// prints carries a secret made at each start, without which no page opens.
import path from 'node:path';
import { deskUi } from '../src/i18n/desk.ts';
import { createDesk } from '../src/node/desk/server.ts';
import { createSecret, DESK_HOST } from '../src/node/desk/security.ts';
import { portFromArgs } from '../src/node/port.ts';

const port = portFromArgs(deskUi['start.usage'], 4400);
const root = path.resolve(import.meta.dirname, '..');
const secret = createSecret();
const server = createDesk({
  root,
  port,
  secret,
  // The same variables the build reads, so the desk and the builds it starts agree.
  ...(process.env['REPORTS_DIR'] ? { reportsDir: process.env['REPORTS_DIR'] } : {}),
  ...(process.env['OUT_DIR'] ? { outDir: process.env['OUT_DIR'] } : {}),
  log: (error) => {
    console.error(`${new Date().toISOString()} 意外错误（请发给网站技术人员）：`);
    console.error(error);
  },
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? deskUi['start.portInUse'](port)
      : `编辑台没有启动：${error.code ?? ''}`,
  );
  process.exit(1);
});
server.listen(port, DESK_HOST, () => {
  console.log(deskUi['start.listening'](`http://${DESK_HOST}:${port}/${secret}/`));
});
