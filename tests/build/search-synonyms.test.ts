import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/dist.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-synonyms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a build with a broken synonym list', () => {
  it('stops before building, naming the file, the fields and what they should hold, in Chinese', () => {
    const outDir = path.join(scratch, 'dist');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'index.html'), 'previous site');
    const result = spawnSync(process.execPath, ['tools/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, REPORTS_DIR: 'tests/fixtures/valid', SYNONYMS_FILE: 'tests/fixtures/bad-synonyms/synonyms.yml', OUT_DIR: outDir, CI: '1' },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).toContain('tests/fixtures/bad-synonyms/synonyms.yml');
    expect(output).toContain('字段：0.aliases');
    expect(output).toContain('至少写一个别称');
    expect(output).toContain('字段：1.aliases.1');
    expect(output).toContain('“电信网络诈骗”已出现在第 1 组');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
  });
});
