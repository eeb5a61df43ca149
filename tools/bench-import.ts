/**
 * Import accuracy: how many cases of the import catalogue (tests/support/import-catalogue.ts:
 * real-shaped fixtures and the public samples) the importer imports fully right, in each form
 * (the text as written, a full-width copy, a copy with every ASCII character widened, a .docx,
 * a .docx whose heading numbers Word draws)
 * and in all of them.
 *
 * Usage: npm run bench:import [-- --at <commit>] [-- --verbose]
 *   --at <commit>  measure the importer as it was at that commit (its src/ is checked out into a
 *                  scratch folder; the catalogue and fixtures are this checkout's)
 *   --verbose      print what is wrong with each case that fails
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  FORMS,
  type ImporterModules,
  judgeAll,
  REAL_CASES,
  REAL_FIXTURES,
  SAMPLE_CASES,
  SAMPLE_FIXTURES,
} from '../tests/support/import-catalogue.ts';
import { toolArgs } from '../src/node/tool-args.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = toolArgs(
  { options: { at: { type: 'string' }, verbose: { type: 'boolean', default: false } } },
  'usage: npm run bench:import [-- --at <commit>] [-- --verbose]',
);

let root = ROOT;
let scratch: string | undefined;
if (values.at) {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'fz-bench-import-'));
  const archive = execFileSync('git', ['archive', values.at, 'src'], { cwd: ROOT });
  execFileSync('tar', ['-x', '-C', scratch], { input: archive });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'));
  root = scratch;
}

const load = async (file: string) =>
  (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
const modules = {
  ...(await load('src/lib/import/input.ts')),
  ...(await load('src/node/docx.ts')),
  ...(await load('src/lib/import/structure.ts')),
  ...(await load('src/lib/import/plan.ts')),
  ...(await load('src/lib/import/messages.ts')),
} as unknown as ImporterModules;

const label = values.at ? `importer at ${values.at}` : 'importer in this checkout';
console.log(`Import catalogue, ${label}\n`);
for (const [name, folder, cases] of [
  ['real-shaped fixtures', REAL_FIXTURES, REAL_CASES],
  ['public samples', SAMPLE_FIXTURES, SAMPLE_CASES],
] as const) {
  const results = await judgeAll(modules, folder, cases);
  const right = (form: string) =>
    results.filter((r) => r.form === form && r.problems.length === 0).length;
  const rightIn = (forms: readonly string[]) =>
    cases.filter((entry) =>
      results
        .filter((r) => r.entry === entry && forms.includes(r.form))
        .every((r) => r.problems.length === 0),
    ).length;
  console.log(`${name} (${cases.length} cases):`);
  for (const form of FORMS)
    console.log(`  ${form.padEnd(14)} ${right(form)}/${cases.length} fully right`);
  console.log(
    `  text, full-width and docx: ${rightIn(['text', 'full-width', 'docx'])}/${cases.length} fully right in all three`,
  );
  console.log(`  all ${FORMS.length} forms: ${rightIn(FORMS)}/${cases.length} fully right\n`);
  if (values.verbose)
    for (const r of results.filter((each) => each.problems.length))
      console.log(`  ✗ ${r.entry.file} [${r.form}]\n    ${r.problems.join('\n    ')}`);
}
if (scratch) rmSync(scratch, { recursive: true, force: true });
