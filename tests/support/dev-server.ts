import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './dist.ts';
import { freePort } from './server.ts';

export interface DevServer {
  url: string;
  output: () => string;
  close(): Promise<void>;
}

/** The environment without Vitest's markers: Astro's dev server stops routing pages when VITEST is set. */
function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^VITEST|^TEST$/.test(key)),
  );
}

/**
 * Starts `npm run dev` (tools/dev.ts) on a free port and waits until it answers: the preview, or
 * the list of content errors it shows until they are fixed.
 */
export async function startDevServer(env: Record<string, string>): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['tools/dev.ts', '--port', String(port)], {
    cwd: ROOT,
    env: { ...outsideVitest(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('预览已启动') || output.includes('网站预览暂未启动')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm run dev exited:\n${output}`));
      }
    }, 100);
  });
  return {
    url: `http://localhost:${port}/`,
    output: () => output,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
