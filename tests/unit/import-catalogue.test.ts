import { describe, expect, it } from 'vitest';
import { blocksFromTextFile } from '../../src/lib/import/input.ts';
import { formatImportSummary } from '../../src/lib/import/messages.ts';
import { planImport } from '../../src/lib/import/plan.ts';
import { parseReport } from '../../src/lib/import/structure.ts';
import { readDocx } from '../../src/node/docx.ts';
import {
  FORMS,
  type ImporterModules,
  type ImportCase,
  judge,
  REAL_CASES,
  REAL_FIXTURES,
  runCase,
  SAMPLE_CASES,
  SAMPLE_FIXTURES,
} from '../support/import-catalogue.ts';

// The import catalogue: each kind of real release issue 18 lists, as a real-shaped fixture with
// what a correct import gives, in each form (as written, full-width copy, .docx).
const modules = {
  blocksFromTextFile,
  readDocx,
  parseReport,
  planImport,
  formatImportSummary,
} as unknown as ImporterModules;

function catalogue(folder: string, cases: readonly ImportCase[]) {
  for (const entry of cases)
    describe(`${entry.kind} (${entry.file})`, () => {
      it.each(FORMS)('imports fully right as %s', async (form) => {
        const outcome = await runCase(modules, folder, entry, form);
        const optioned =
          entry.expected.kind === 'needs'
            ? await runCase(modules, folder, entry, form, entry.expected.options)
            : undefined;
        expect(judge(entry.expected, outcome, optioned)).toEqual([]);
      });
    });
}

// Word files are made and read for every case, which takes a while on a busy machine.
describe('real-shaped releases', { timeout: 30_000 }, () => catalogue(REAL_FIXTURES, REAL_CASES));
describe('the public samples (tests/fixtures/import/samples/README.md)', { timeout: 30_000 }, () =>
  catalogue(SAMPLE_FIXTURES, SAMPLE_CASES),
);
