/** The port a local server listens on: --port N, else `fallback`. In Chinese when it is wrong. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port 应为 1 到 65535 之间的整数，例如 --port 4700；现在是“${value}”`);
  return port;
}
