import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  alreadyPublished,
  inputFingerprint,
  recordPublished,
} from '../../src/node/build-inputs.ts';
import { reportPagesKey } from '../../src/data/page-keys.ts';
import { mergeJson } from '../../src/node/merge-parts.ts';
import type { Report } from '../../src/data/reports.ts';

describe('build inputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-inputs-'));
  const root = path.join(dir, 'project');
  beforeEach(() => vi.stubEnv('FZZF_CACHE_DIR', path.join(dir, 'cache')));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('src/pages/index.astro', 'page');
  write('content/reports/2023-a/report.md', '---\nyear: 2023\n---\n');
  write('package-lock.json', '{}');
  const inputs = (settings: Record<string, string | boolean> = { siteUrl: 'https://a/' }) => ({
    root,
    content: [path.join(root, 'content'), path.join(root, 'content/reports')],
    settings,
  });

  it('fingerprints the content, the code and the options, and nothing else', () => {
    const first = inputFingerprint(inputs());
    expect(inputFingerprint(inputs())).toBe(first);
    write('dist-notes.txt', 'not an input');
    expect(inputFingerprint(inputs())).toBe(first);
    expect(inputFingerprint(inputs({ siteUrl: 'https://b/' }))).not.toBe(first);

    write('content/reports/2023-a/s1.md', 'a new section');
    const added = inputFingerprint(inputs());
    expect(added).not.toBe(first);
    write('content/reports/2023-a/s1.md', 'an edited section');
    expect(inputFingerprint(inputs())).not.toBe(added);
    write('src/pages/index.astro', 'page, changed');
    const code = inputFingerprint(inputs());
    write('package-lock.json', '{"lockfileVersion": 3}');
    expect(inputFingerprint(inputs())).not.toBe(code);
  });

  it("keeps the content files' bytes it read, and only those, for the content check", () => {
    const read = new Map<string, Buffer>();
    const fingerprint = inputFingerprint(inputs(), read);
    expect(fingerprint).toBe(inputFingerprint(inputs()));
    const report = path.join(root, 'content/reports/2023-a/report.md');
    expect(read.get(report)?.toString()).toBe('---\nyear: 2023\n---\n');
    expect([...read.keys()].every((file) => file.startsWith(path.join(root, 'content')))).toBe(
      true,
    );
  });

  it('knows a site as published only while dist links to the recorded version', () => {
    const outDir = path.join(dir, 'site', 'dist');
    const version = path.join(dir, 'site', '.dist-versions', 'v1');
    mkdirSync(version, { recursive: true });
    expect(alreadyPublished(outDir, 'f1')).toBe(false);
    symlinkSync(path.relative(path.dirname(outDir), version), outDir);
    expect(alreadyPublished(outDir, 'f1')).toBe(false);
    recordPublished(outDir, version, 'f1');
    expect(alreadyPublished(outDir, 'f1')).toBe(true);
    expect(alreadyPublished(outDir, 'f2')).toBe(false);
    // Another version went live (a build whose record was never written): build again.
    const other = path.join(dir, 'site', '.dist-versions', 'v2');
    mkdirSync(other);
    rmSync(outDir);
    symlinkSync(path.relative(path.dirname(outDir), other), outDir);
    expect(alreadyPublished(outDir, 'f1')).toBe(false);
    // A link whose folder is gone is no site.
    rmSync(outDir);
    symlinkSync(path.relative(path.dirname(outDir), version), outDir);
    rmSync(version, { recursive: true });
    expect(alreadyPublished(outDir, 'f1')).toBe(false);
  });
});

describe('incremental page keys', () => {
  const report = (
    folder: string,
    year: number,
    agency: string,
    body = '正文',
    title = `${year}年报告`,
  ): Report =>
    ({
      folder,
      year,
      published: `${year + 1}-03-01`,
      agency: { id: agency, name: agency, shortName: agency },
      data: {
        year,
        title,
        published: `${year + 1}-03-01`,
        agency: { id: agency, name: agency, shortName: agency },
      },
      entry: { id: `${folder}/report`, data: { year, title }, body: '前言' },
      outline: [
        {
          id: 's1',
          entry: { id: `${folder}/s1`, data: { id: 's1' }, body },
          children: [],
        },
      ],
    }) as unknown as Report;

  it('changes with the report, its sections and the years it links to, not with other agencies', () => {
    const a2022 = report('2022-a', 2022, 'a');
    const a2023 = report('2023-a', 2023, 'a');
    const b2023 = report('2023-b', 2023, 'b');
    const key = reportPagesKey(a2023, [a2023, a2022, b2023]);
    // Keys are remembered per report object: new objects stand for the next build.
    expect(reportPagesKey(report('2023-a', 2023, 'a'), [a2022, b2023])).toBe(key);
    expect(
      reportPagesKey(report('2023-a', 2023, 'a'), [a2022, report('2023-b', 2023, 'b', '改了')]),
    ).toBe(key);
    expect(reportPagesKey(report('2023-a', 2023, 'a', '改了'), [a2022, b2023])).not.toBe(key);
    // A next year's report of the same agency adds a link to the page.
    const fresh = report('2023-a', 2023, 'a');
    expect(reportPagesKey(fresh, [fresh, a2022, report('2024-a', 2024, 'a')])).not.toBe(key);
    const retitled = report('2023-a', 2023, 'a');
    expect(
      reportPagesKey(retitled, [retitled, report('2022-a', 2022, 'a', '正文', '新标题')]),
    ).not.toBe(key);
  });
});

describe('merging the search data of parts', () => {
  it('unites objects key by key and lists without repeats, the first part first', () => {
    expect(
      mergeJson(
        { spell: { fazhi: ['法治'] }, initials: { fz: ['法治'] }, n: 1 },
        { spell: { fazhi: ['法制', '法治'], zhifa: ['执法'] }, n: 2 },
      ),
    ).toEqual({
      spell: { fazhi: ['法治', '法制'], zhifa: ['执法'] },
      initials: { fz: ['法治'] },
      n: 1,
    });
    expect(mergeJson([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
  });
});
