import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DIST, htmlFiles } from '../support/dist.ts';

// The Nu Html Checker (vnu.jar from the vnu-jar package) runs on the machine's Java, 11 or later.
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const JAVA = process.env['JAVA'] ?? 'java';

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Runs the checker once over all files (one JVM) and returns its error messages. */
async function vnuErrors(files: string[]): Promise<VnuMessage[]> {
  // The checker exits 1 when it reports errors, so its JSON report, not the exit code, is the verdict.
  const { stderr } = await promisify(execFile)(
    JAVA,
    ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
  return (JSON.parse(stderr) as { messages: VnuMessage[] }).messages.filter(
    (message) => message.type === 'error' || message.type === 'non-document-error',
  );
}

const describeMessage = (message: VnuMessage, root: string): string => {
  const file = path.relative(root, new URL(message.url).pathname);
  const where =
    message.lastLine === undefined
      ? file
      : `${file}:${message.lastLine}:${message.firstColumn ?? 0}`;
  return `${where}: ${message.message}${message.extract ? ` [${message.extract.trim()}]` : ''}`;
};

const errorsByFile = new Map<string, string[]>();

beforeAll(async () => {
  assertBuilt();
  try {
    execFileSync(JAVA, ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `No Java runtime (\`${JAVA} -version\` failed): the Nu Html Checker needs Java 11 or later. On Debian: apt-get install default-jre-headless (.ci/run installs it when java is missing).`,
    );
  }
  for (const message of await vnuErrors(htmlFiles().map((file) => path.join(DIST, file)))) {
    const file = path.relative(DIST, new URL(message.url).pathname);
    errorsByFile.set(file, [...(errorsByFile.get(file) ?? []), describeMessage(message, DIST)]);
  }
}, 180_000);

describe('valid HTML (Nu Html Checker)', () => {
  it.each(htmlFiles())('%s has no errors', (file) => {
    expect(errorsByFile.get(file) ?? [], `Nu Html Checker errors in dist/${file}`).toEqual([]);
  });

  it('finds and places the errors of a page that is not valid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vnu-'));
    try {
      writeFileSync(
        path.join(dir, 'bad.html'),
        '<!doctype html>\n<html lang="zh-CN"><title>坏</title>\n<p><div>段落</p>\n',
      );
      const errors = (await vnuErrors([path.join(dir, 'bad.html')])).map((message) =>
        describeMessage(message, dir),
      );
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(/^bad\.html:3:\d+: No “p” element in scope/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
