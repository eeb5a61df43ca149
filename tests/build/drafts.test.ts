import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../support/build.ts';

// tests/fixtures/drafts holds a finished 2024 report and a 2025 report marked draft: true whose
// preamble has a word found nowhere else, so any file that carries the draft gives it away.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-drafts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DRAFT_FOLDER = '2025-test-agency';
const DRAFT_WORD = '甲乙丙丁';

/** Every file of a built site as text, Pagefind's gzip-compressed files unpacked. */
function everyFileText(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      let bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return { file: path.relative(dir, file), text: bytes.toString('utf8') };
    });
}

describe('drafts', () => {
  let normal: string;
  let withDrafts: string;
  beforeAll(() => {
    normal = path.join(scratch, 'normal');
    withDrafts = path.join(scratch, 'with-drafts');
    const env = {
      REPORTS_DIR: 'tests/fixtures/drafts',
      SITE_URL: 'https://www.example.gov.cn/fzzf/',
    };
    for (const [outDir, args] of [
      [normal, []],
      [withDrafts, ['--drafts']],
    ] as const) {
      const { status, output } = runBuild(outDir, env, args);
      expect(status, output).toBe(0);
    }
  });

  it('never reach a normal build: no page, list entry, search record or any other file', () => {
    const files = everyFileText(normal);
    expect(files.some((each) => each.file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.some((each) => each.text.includes('测试局2024年法治政府建设情况'))).toBe(true);
    const leaks = files.filter(
      (each) => each.text.includes(DRAFT_FOLDER) || each.text.includes(DRAFT_WORD),
    );
    expect(leaks.map((each) => each.file)).toEqual([]);
  });

  it('are built with --drafts, marked 草稿 and kept out of search engines', () => {
    const $ = load(
      readFileSync(path.join(withDrafts, 'reports', DRAFT_FOLDER, 'index.html'), 'utf8'),
    );
    expect($('.draft-banner').text()).toContain('草稿');
    expect($('.draft-banner').text()).toContain('尚未正式发布');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex, nofollow');
    const section = load(
      readFileSync(path.join(withDrafts, 'reports', DRAFT_FOLDER, 's1', 'index.html'), 'utf8'),
    );
    expect(section('meta[name="robots"]').attr('content')).toBe('noindex, nofollow');
    const home = load(readFileSync(path.join(withDrafts, 'index.html'), 'utf8'));
    const entry = home(`a[href="/fzzf/reports/${DRAFT_FOLDER}/"]`);
    expect(entry.find('.draft-label').text()).toBe('草稿');
  });

  it('leave finished reports unmarked and indexable', () => {
    const $ = load(
      readFileSync(path.join(withDrafts, 'reports', '2024-test-agency', 'index.html'), 'utf8'),
    );
    expect($('.draft-banner')).toHaveLength(0);
    expect($('meta[name="robots"]')).toHaveLength(0);
  });
});
