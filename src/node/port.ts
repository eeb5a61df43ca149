import { parseArgs } from 'node:util';

/** The port a local server listens on: --port N, else `fallback`. In Chinese when it is wrong. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port 应为 1 到 65535 之间的整数，例如 --port 4700；现在是“${value}”`);
  return port;
}

/**
 * The port of a local-server command (`npm start`, `npm run dev`, `npm run preview`) from its
 * command line. Prints `usage` for --help, and a Chinese message for anything wrong, then exits.
 */
export function portFromArgs(usage: string, fallback = 4321): number {
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return parsePort(values.port, fallback);
  } catch (error) {
    const message = (error as Error).message;
    console.error(/[\u4e00-\u9fff]/.test(message) ? message : `选项有误。\n\n${usage}`);
    process.exit(1);
  }
}
