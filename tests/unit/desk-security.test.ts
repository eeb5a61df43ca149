import { describe, expect, it } from 'vitest';
import {
  contentMatchesKind,
  createSecret,
  displayName,
  isContentFileName,
  isDeskHost,
  isDeskOrigin,
  pathAfterSecret,
  reportFolderPath,
  uploadKind,
} from '../../src/node/desk/security.ts';

describe('desk secret', () => {
  it('makes a different URL-safe secret of 128 bits at each start', () => {
    const a = createSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(createSecret()).not.toBe(a);
  });

  it('opens only paths that start with the secret', () => {
    const secret = createSecret();
    expect(pathAfterSecret(`/${secret}/`, secret)).toBe('/');
    expect(pathAfterSecret(`/${secret}`, secret)).toBe('/');
    expect(pathAfterSecret(`/${secret}/reports/2023-x`, secret)).toBe('/reports/2023-x');
    expect(pathAfterSecret('/', secret)).toBeUndefined();
    expect(pathAfterSecret('/reports/2023-x', secret)).toBeUndefined();
    expect(pathAfterSecret(`/${secret.slice(0, -1)}/`, secret)).toBeUndefined();
    expect(pathAfterSecret(`/${secret}x/`, secret)).toBeUndefined();
  });

  it('answers only its own host name and origin (no DNS rebinding, no cross-site post)', () => {
    expect(isDeskHost('127.0.0.1:4400', 4400)).toBe(true);
    expect(isDeskHost('localhost:4400', 4400)).toBe(true);
    expect(isDeskHost('evil.example:4400', 4400)).toBe(false);
    expect(isDeskHost(undefined, 4400)).toBe(false);
    expect(isDeskOrigin('http://127.0.0.1:4400', 4400)).toBe(true);
    expect(isDeskOrigin('https://evil.example', 4400)).toBe(false);
    expect(isDeskOrigin('null', 4400)).toBe(false);
    expect(isDeskOrigin(undefined, 4400)).toBe(false);
  });
});

describe('desk uploads', () => {
  it('accepts .docx, .txt and .md by extension, in any case, and nothing else', () => {
    expect(uploadKind('报告.DOCX')).toBe('docx');
    expect(uploadKind('全文.txt')).toBe('txt');
    expect(uploadKind('a.md')).toBe('md');
    for (const name of ['报告.doc', 'a.pdf', 'a.html', 'a.docx.exe', 'docx', 'a.txt/'])
      expect(uploadKind(name)).toBeUndefined();
  });

  it('refuses a .docx that is not a ZIP file', () => {
    expect(contentMatchesKind('docx', new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe(true);
    expect(contentMatchesKind('docx', new TextEncoder().encode('<html>'))).toBe(false);
    expect(contentMatchesKind('txt', new TextEncoder().encode('任何文字'))).toBe(true);
  });

  it('keeps only the last segment of an uploaded name, without control characters', () => {
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('C:\\Users\\a\\报告.docx')).toBe('报告.docx');
    expect(displayName('a\u202egpj.docx')).toBe('agpj.docx');
    expect(displayName('\u0000')).toBe('未命名文件');
    expect(displayName('长'.repeat(300))).toHaveLength(100);
  });
});

describe('desk writes', () => {
  it('resolves only report folder names, never a path outside content/reports', () => {
    expect(reportFolderPath('/p/content/reports', '2023-jiading-police')).toBe(
      '/p/content/reports/2023-jiading-police',
    );
    for (const folder of [
      '..',
      '../2023-x',
      '2023-x/..',
      '2023-x/s1',
      '.2023-x',
      '2023-X',
      '',
      '2023-x/',
    ])
      expect(reportFolderPath('/p/content/reports', folder)).toBeUndefined();
  });

  it('writes only report.md and section files', () => {
    expect(isContentFileName('report.md')).toBe(true);
    expect(isContentFileName('s1-2.md')).toBe(true);
    for (const name of ['../report.md', 's0.md', 'report.mdx', 'x.md', '.s1.md', 's1.md.tmp'])
      expect(isContentFileName(name)).toBe(false);
  });
});
