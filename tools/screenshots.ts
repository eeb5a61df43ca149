/**
 * Screenshots of the built site for looking at: each page type at phone and desktop size in each
 * reading mode, plus the report printed to PDF and rendered to PNG pages (needs pdftoppm from
 * poppler-utils). Usage: npm run build && npm run screenshots -- [out-dir]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { assertBuilt } from '../tests/support/dist.ts';
import { modeContext, PAGE_TYPES, READER_MODES } from '../tests/support/reader-modes.ts';
import { serveDist } from '../tests/support/server.ts';
import { toolArgs } from '../src/node/tool-args.ts';

// An option is never taken for the folder: `--help` must not fill a folder named --help.
const { positionals } = toolArgs(
  { options: {}, allowPositionals: true },
  'usage: npm run build && npm run screenshots -- [out-dir]  (default: screenshots/)',
);
const out = path.resolve(positionals[0] ?? 'screenshots');
mkdirSync(out, { recursive: true });
assertBuilt();
const [browser, server] = await Promise.all([launchChromium(), serveDist()]);
const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
try {
  for (const mode of READER_MODES) {
    for (const viewport of viewports) {
      const { options, init } = modeContext(mode);
      const context = await browser.newContext({ ...options, viewport, locale: 'zh-CN' });
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      for (const type of PAGE_TYPES) {
        await page.goto(server.url + type.path, { waitUntil: 'networkidle' });
        const file = path.join(out, `${type.name}-${viewport.width}-${mode.name}.png`);
        await page.screenshot({ path: file });
      }
      await context.close();
    }
  }
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  for (const type of PAGE_TYPES.filter(
    (type) => type.name === 'report' || type.name === 'section',
  )) {
    await page.goto(server.url + type.path, { waitUntil: 'networkidle' });
    const pdf = path.join(out, `print-${type.name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(out, `print-${type.name}`)]);
    } catch {
      // The PDF is there to open; only its page images need poppler-utils.
      console.warn(`${pdf} written; no page images: pdftoppm (poppler-utils) is missing`);
    }
  }
  await context.close();
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
