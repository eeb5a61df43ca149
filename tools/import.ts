// npm run import -- <file> --agency-id <id> [options]: turns a released report (.docx, .txt, .md)
// into a report folder under content/reports/. All parsing is in src/lib/import/; this file reads
// and writes files and talks to the publisher, in Chinese (see messages.ts), never with a stack trace.
import { checkReportFolder, errorsOf } from '../src/data/content-check.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatImportSummary, HELP, messages } from '../src/lib/import/messages.ts';
import {
  isAgencyId,
  readDateOption,
  readItemsOption,
  readSignatureOption,
  readYearOption,
} from '../src/lib/import/options.ts';
import { type ImportOptions, planImport } from '../src/lib/import/plan.ts';
import { parseReport } from '../src/lib/import/structure.ts';
import { ImportRefused, readImportInput, writeReportFolder } from '../src/node/import-input.ts';
import { renderReportFiles } from '../src/node/report-files.ts';
import { readIndicators } from '../src/data/indicators.ts';
import { CONTENT_PATHS } from '../src/data/paths.ts';
import {
  proposedFiguresBlock,
  proposedFiguresSummary,
  proposeFigures,
  withProposedFigures,
} from '../src/lib/import/figures.ts';

const refuse = (message: string): never => {
  throw new ImportRefused(message);
};

const OPTIONS = {
  'agency-id': { type: 'string' },
  title: { type: 'string' },
  agency: { type: 'string' },
  'short-name': { type: 'string' },
  year: { type: 'string' },
  published: { type: 'string' },
  signature: { type: 'string' },
  'source-url': { type: 'string' },
  source: { type: 'string' },
  'index-number': { type: 'string' },
  'document-number': { type: 'string' },
  summary: { type: 'string' },
  items: { type: 'string' },
  draft: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  out: { type: 'string', default: 'content/reports' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readArguments() {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return refuse(messages.unknownOption(option));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return refuse(messages.missingValue(option));
    throw error;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = readArguments();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals.length === 0) refuse(messages.noFile);
  const id = values['agency-id'] ?? refuse(messages.noAgencyId);
  if (!isAgencyId(id)) refuse(messages.badAgencyId(id));
  const single = [
    'title',
    'year',
    'published',
    'signature',
    'source-url',
    'source',
    'index-number',
    'document-number',
    'summary',
    'items',
    'short-name',
    'agency',
  ] as const;
  const given = single.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
  if (positionals.length > 1 && given.length) refuse(messages.severalFilesWithValues(given));

  const options: Omit<ImportOptions, 'inputName'> = {
    agencyId: id,
    outDir: values.out.replace(/[\\/]+$/, '') || '.',
    ...(values.draft ? { draft: true } : {}),
  };
  if (values.title !== undefined)
    options.title = values.title.trim() || refuse(messages.emptyValue('--title'));
  if (values.summary !== undefined)
    options.summary = values.summary.trim() || refuse(messages.emptyValue('--summary'));
  // An empty 来源, 索引号 or 文号 says the release has none: one the text seems to give is left out.
  if (values.source !== undefined) options.source = values.source.trim();
  if (values['index-number'] !== undefined) options.indexNumber = values['index-number'].trim();
  if (values['document-number'] !== undefined)
    options.documentNumber = values['document-number'].trim();
  if (values.agency !== undefined) options.agencyName = values.agency.trim();
  if (values.items !== undefined)
    options.items = readItemsOption(values.items) ?? refuse(messages.badItems(values.items));
  if (values['short-name'] !== undefined) options.shortName = values['short-name'].trim();
  if (values['source-url'] !== undefined) options.sourceUrl = values['source-url'].trim();
  if (values.year !== undefined)
    options.year = readYearOption(values.year) ?? refuse(messages.badYear(values.year));
  if (values.published !== undefined)
    options.published =
      readDateOption(values.published) ?? refuse(messages.badDate('--published', values.published));
  if (values.signature !== undefined)
    options.signature =
      readSignatureOption(values.signature) ?? refuse(messages.badSignature(values.signature));

  let failed = false;
  for (const file of positionals) {
    try {
      await importFile(file, { ...options, inputName: path.basename(file) }, values);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      console.error(`${messages.failed(error.message)}\n${messages.nothingWritten}`);
      failed = true;
    }
    if (positionals.length > 1) console.log('');
  }
  if (failed) process.exitCode = 1;
}

async function importFile(
  file: string,
  options: ImportOptions,
  flags: { force: boolean; 'dry-run': boolean },
): Promise<void> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.doc') refuse(messages.oldWord(file));
  if (!['.docx', '.txt', '.md', '.markdown'].includes(extension))
    refuse(messages.unsupported(file));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return refuse(messages.notFound(file));
  }
  const input = await readImportInput(file, bytes);
  const report = parseReport(input.blocks, { unit: input.unit });
  const result = planImport(report, options);
  if (!result.ok) {
    refuse(
      result.notAReport
        ? messages.notAReport(file, result.notAReport.message)
        : messages.cannotImport(file, result.problems),
    );
    return;
  }
  const { plan } = result;
  const files = renderReportFiles(plan);
  // Figures the text states are proposed, commented out, for the editor to confirm. The
  // indicators are the project's own, wherever the command runs from.
  const figures = proposeFigures(
    plan.sections,
    readIndicators(path.resolve(import.meta.dirname, '..', CONTENT_PATHS.indicatorsFile)).list,
  );
  files.set(
    'report.md',
    withProposedFigures(files.get('report.md')!, proposedFiguresBlock(figures)),
  );
  // Checked as the build will check it, before anything is written.
  const errors = errorsOf(await checkReportFolder(options.outDir, plan.folder, files));
  if (errors.length) refuse(messages.invalidResult(errors));
  const target = path.join(options.outDir, plan.folder);
  const exists = existsSync(target);
  if (exists && !flags.force && !flags['dry-run'])
    refuse(messages.exists(`${options.outDir}/${plan.folder}`));
  if (!flags['dry-run']) await writeReportFolder(target, files, exists);
  console.log(
    formatImportSummary({
      file,
      ...(input.encoding ? { encoding: input.encoding } : {}),
      report,
      plan,
      outDir: options.outDir,
      written: !flags['dry-run'],
      notImported: input.notImported,
      notes: input.notes,
    }),
  );
  if (figures.length) console.log(`\n${proposedFiguresSummary(figures)}`);
}

main().catch((error: unknown) => {
  if (error instanceof ImportRefused) {
    console.error(`${messages.failed(error.message)}\n${messages.nothingWritten}`);
  } else {
    console.error(messages.unexpected);
    if (/\bimport\b/.test(process.env['DEBUG'] ?? '')) console.error(error);
  }
  process.exitCode = 1;
});
