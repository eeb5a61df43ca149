import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Options of a developer command (benchmarks, query generators): `--help` prints its usage and an
 * unknown or malformed option prints what was wrong and the usage, instead of Node's stack trace.
 * `exit` and `print` are parameters so tests can watch them.
 */
export function toolArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  argv: string[] = process.argv.slice(2),
  exit: (code: number) => never = (code) => process.exit(code),
  print: (line: string) => void = (line) => console.error(line),
): ReturnType<typeof parseArgs<T>> {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(usage);
    return exit(0);
  }
  try {
    // The arguments are given apart so the config's own type fixes the result's.
    return parseArgs({ args: argv, ...config }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    print(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return exit(2);
  }
}
