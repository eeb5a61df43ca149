// The frame every edition command shares (publish-report, correct, withdraw): options parsed
// with node:util, --help, the build's lock held while the command writes, and refusals printed
// in Chinese with where to read the usage.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentPathsFrom } from '../data/paths.ts';
import { buildFolders } from './build-folders.ts';
import { EditionCommandError } from './editions.ts';
import { PublishError, withBuildLock } from './publish.ts';

export interface EditionCliInput {
  values: { note?: string; date?: string; all?: boolean; dir?: string };
  positionals: string[];
  /** The reports folder: --dir, or the site's. */
  reportsDir: string;
}

/** The site's reports folder, as the usage texts name it. */
export const DEFAULT_REPORTS_DIR = contentPathsFrom(process.env).reportsDir;

/** The project's root: the build's output folder is resolved from it, as tools/build.ts does. */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Runs one edition command: `usage` for --help and for wrong options (exit 2), `run` for the
 * work; an EditionCommandError it throws is printed as it is, with the command's help hint, and
 * exits 1. The work holds the lock of the site's build (OUT_DIR or dist/), as the desk's saves
 * do: a build never reads a report.md or an editions.json the command is writing, nor content
 * that a correction changes halfway through its check; while a build runs the command refuses.
 */
export async function runEditionCli(
  command: string,
  usage: string,
  options: readonly ('note' | 'date' | 'all')[],
  run: (input: EditionCliInput) => Promise<void>,
): Promise<void> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        ...Object.fromEntries(
          options.map((name) => [name, { type: name === 'all' ? 'boolean' : 'string' } as const]),
        ),
        dir: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch {
    console.error(`选项有误。\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.values['help']) {
    console.log(usage);
    process.exit(0);
  }
  const values = parsed.values as EditionCliInput['values'];
  try {
    await withBuildLock(buildFolders(ROOT, process.env['OUT_DIR']).outDir, () =>
      run({
        values,
        positionals: parsed.positionals,
        reportsDir: path.resolve(values.dir ?? DEFAULT_REPORTS_DIR),
      }),
    );
  } catch (error) {
    if (error instanceof PublishError) {
      console.error(error.message);
      process.exit(1);
    }
    if (!(error instanceof EditionCommandError)) throw error;
    console.error(`${error.message}\n\n运行 npm run ${command} -- --help 查看用法。`);
    process.exit(1);
  }
}
