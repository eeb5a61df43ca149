import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/node/build-failure.ts';

const root = mkdtempSync(path.join(tmpdir(), 'fzzf-failure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const outDir = path.join(root, 'dist');

const errno = (code: string, where?: string) =>
  Object.assign(new Error(`${code}: something in English`), {
    code,
    ...(where ? { path: where } : {}),
  });

describe('a build that fails outside the content', () => {
  it('says the disk is full and names the file, relative to the project', () => {
    const message = describeFailure(
      errno('ENOSPC', path.join(root, 'x', 'page.html')),
      root,
      outDir,
    );
    expect(message).toContain('磁盘空间不足：无法写入 x/page.html。请清理该磁盘');
    expect(message).toContain('尚无已生成的网站。');
    expect(message).not.toContain('English');
  });

  it('says which folder it may not write to, also when Astro wrapped the error', () => {
    const wrapped = new Error('Astro failed', { cause: errno('EACCES', '/srv/site/dist') });
    expect(describeFailure(wrapped, root, outDir)).toContain(
      `没有写入权限：无法写入 ${path.relative(root, '/srv/site/dist')}。请让管理员`,
    );
    expect(describeFailure(errno('EPERM', '/srv/a'), root, outDir)).toContain('没有写入权限');
  });

  it('names the build folder when the error names no file', () => {
    expect(describeFailure(errno('ENOSPC'), root, outDir)).toContain(`无法写入 ${root}。`);
  });

  it('leaves other errors to the log file', () => {
    expect(describeFailure(errno('ECONNRESET'), root, outDir)).toContain('build-error.log');
  });
});
