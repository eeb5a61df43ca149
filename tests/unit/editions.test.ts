import { describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gbtCitation } from '../../src/lib/editions/citation.ts';
import { siteChanges } from '../../src/lib/editions/changes.ts';
import {
  alignUnits,
  compareText,
  type CurrentText,
  undoChanges,
} from '../../src/lib/editions/compare.ts';
import { charDiff, shortenChange, similarity } from '../../src/lib/editions/diff.ts';
import {
  compareEditions,
  editionsOf,
  editionTexts,
  hasEditionHistory,
  paragraphHistories,
} from '../../src/lib/editions/record.ts';
import { bodyUnits, normaliseMarkdown } from '../../src/lib/editions/shown.ts';
import {
  editionRecordSchema,
  type EditionRecord,
  type ShownText,
} from '../../src/schemas/editions.ts';

const units = (body: string) => bodyUnits(unified().use(remarkParse).parse(body), body);

/** A report of one section whose text is `body`, as the files hold it now. */
const current = (
  body: string,
  fields: Record<string, string> = { title: '甲局报告' },
): CurrentText => ({
  fields,
  sections: [
    { id: 'intro', file: 'report.md', heading: {}, units: units('开头。') },
    { id: 's1', file: 's1.md', heading: { numbering: '一、', title: '成效' }, units: units(body) },
  ],
});
const EMPTY: ShownText = { fields: {}, sections: [] };
const ids = (text: ShownText, section = 's1') =>
  text.sections.find((each) => each.id === section)!.units.map(([id]) => id);

/** Publishes `first`, then records each later body as a correction, as the commands do. */
function history(first: string, ...later: string[]): EditionRecord {
  let record: EditionRecord = {
    version: 1,
    events: [{ kind: 'publish', edition: 1, date: '2024-03-22', note: '首次发布' }],
    current: compareText(EMPTY, current(first)).text,
  };
  later.forEach((body, n) => {
    const { text, changes } = compareText(
      record.current,
      current(body),
      record.events.flatMap((event) => (event.kind === 'correct' ? event.changes : [])),
    );
    record = {
      ...record,
      events: [
        ...record.events,
        { kind: 'correct', edition: n + 2, date: `2024-04-1${n}`, note: `更正${n + 1}`, changes },
      ],
      current: text,
    };
  });
  return editionRecordSchema.parse(record);
}

describe('what readers see, unit by unit', () => {
  it('ignores comments, line endings and spaces around line breaks, but not a hard break', () => {
    expect(normaliseMarkdown('甲乙 \r\n丙<!-- 注 -->丁')).toBe('甲乙\n丙丁');
    expect(normaliseMarkdown('甲乙  \n丙')).toBe('甲乙\\\n丙');
  });

  it('keeps a list with the paragraph before it, so every change lands on a citable paragraph', () => {
    expect(
      units('第一段。\n\n- 甲\n- 乙\n\n第二段。').map((unit) => [unit.paragraph, unit.md]),
    ).toEqual([
      [true, '第一段。\n\n- 甲\n- 乙'],
      [true, '第二段。'],
    ]);
  });
});

describe('change detection', () => {
  it('finds nothing when only whitespace or a comment changed', () => {
    const record = history('第一段。\n\n第二段。');
    expect(
      compareText(record.current, current('第一段。  \n\n\n第二段。<!-- 核对 -->')).changes,
    ).toEqual([]);
  });

  it('names the paragraph, the old and the new wording of a reworded paragraph', () => {
    const record = history('第一段。\n\n排查隐患9000余处。');
    const { differences } = compareText(record.current, current('第一段。\n\n排查隐患9500余处。'));
    expect(differences).toEqual([
      expect.objectContaining({
        where: 's1-p2',
        kind: 'unit',
        before: '排查隐患9000余处。',
        after: '排查隐患9500余处。',
        bodyLine: 3,
      }),
    ]);
  });

  it('reports a changed title as its field', () => {
    const record = history('第一段。');
    const { differences } = compareText(record.current, current('第一段。', { title: '乙局报告' }));
    expect(differences).toEqual([
      expect.objectContaining({
        where: 'title',
        kind: 'field',
        before: '甲局报告',
        after: '乙局报告',
      }),
    ]);
  });

  it('aligns identical paragraphs first, then reworded ones by likeness', () => {
    const old = ['甲甲甲甲。', '乙乙乙乙。', '丙丙丙丙。'].map((md) => ({ md, paragraph: true }));
    const now = ['新新新新新新。', '甲甲甲甲。', '乙乙乙乙有改动。', '丙丙丙丙。'].map((md) => ({
      md,
      paragraph: true,
    }));
    expect(alignUnits(old, now)).toEqual([-1, 0, 1, 2]);
  });
});

describe('paragraph ids across editions', () => {
  it('never shifts an existing id when a paragraph is inserted before it', () => {
    const record = history(
      '第一段。\n\n第二段。\n\n第三段。',
      '第一段。\n\n补充：本项工作于年底完成。\n\n第二段。\n\n第三段。',
    );
    expect(ids(record.current)).toEqual(['s1-p1', 's1-p4', 's1-p2', 's1-p3']);
  });

  it('never reuses the id of a removed paragraph', () => {
    const record = history(
      '第一段。\n\n第二段。\n\n第三段。',
      '第一段。\n\n第二段。',
      '第一段。\n\n第二段。\n\n另起的一段，与原文无关。',
    );
    expect(ids(record.current)).toEqual(['s1-p1', 's1-p2', 's1-p4']);
  });

  it('keeps the id of a reworded paragraph', () => {
    const record = history('第一段。\n\n第二段。', '第一段。\n\n第二段，数字改为 12 项。');
    expect(ids(record.current)).toEqual(['s1-p1', 's1-p2']);
  });
});

describe('the edition record', () => {
  const record = history(
    '第一段。\n\n第二段。',
    '第一段。\n\n第二段，已更正。',
    '补充：本项工作于年底完成。\n\n第二段，已更正。',
  );

  it('rebuilds every earlier edition from what each correction changed', () => {
    const texts = editionTexts(record);
    expect(texts.map((text) => text.sections[1]!.units)).toEqual([
      [
        ['s1-p1', '第一段。'],
        ['s1-p2', '第二段。'],
      ],
      [
        ['s1-p1', '第一段。'],
        ['s1-p2', '第二段，已更正。'],
      ],
      [
        ['s1-p3', '补充：本项工作于年底完成。'],
        ['s1-p2', '第二段，已更正。'],
      ],
    ]);
    expect(undoChanges(texts[2]!, editionsOf(record)[2]!.changes)).toEqual(texts[1]);
  });

  it('tells the current page which paragraphs were reworded and which were removed, and where to read them', () => {
    const { changed, removed } = paragraphHistories(record);
    expect(changed.get('s1-p2')).toEqual({
      corrections: [{ edition: 2, date: '2024-04-10', before: '第二段。' }],
    });
    expect(removed.get('s1-p1')).toEqual({
      id: 's1-p1',
      section: 's1',
      edition: 2,
      date: '2024-04-11',
    });
  });

  it('compares two editions paragraph by paragraph', () => {
    const [first, , third] = editionTexts(record);
    const { units: changed } = compareEditions(first!, third!);
    expect(changed.map((unit) => [unit.id, unit.before, unit.after])).toEqual([
      ['s1-p3', undefined, '补充：本项工作于年底完成。'],
      ['s1-p2', '第二段。', '第二段，已更正。'],
      ['s1-p1', '第一段。', undefined],
    ]);
  });

  it('refuses a record with no event, as a hand edit would leave it', () => {
    expect(editionRecordSchema.safeParse({ version: 1, events: [], current: EMPTY }).success).toBe(
      false,
    );
  });
});

describe('the character diff', () => {
  it('marks only the changed characters of a Chinese sentence', () => {
    const parts = charDiff('投入资金2.4亿元', '投入资金2.5亿元');
    const text = (kind: string) =>
      parts
        .filter((part) => part.kind === kind)
        .map((part) => part.text)
        .join('');
    expect([text('same'), text('removed'), text('added')]).toEqual(['投入资金2.亿元', '4', '5']);
  });

  it('shortens a change to its stretch with context', () => {
    const before = `${'甲'.repeat(40)}9000${'乙'.repeat(40)}`;
    expect(shortenChange(before, before.replace('9000', '9500'), 3)).toEqual({
      before: '…甲甲9000乙…',
      after: '…甲甲9500乙…',
    });
  });

  it('scores a sentence that gained a clause as alike, and unrelated sentences as not', () => {
    expect(similarity('第二段。', '第二段，数字改为 12 项。')).toBeGreaterThan(0.4);
    expect(similarity('第一段。', '补充：本项工作于年底完成。')).toBeLessThan(0.4);
  });
});

describe('edition history page', () => {
  const publish = { kind: 'publish' as const, edition: 1, date: '2024-03-01', note: '首次发布' };
  it('exists once a report is corrected or withdrawn, not for its first edition alone', () => {
    const record = (events: unknown[]) => ({ events }) as unknown as EditionRecord;
    expect(hasEditionHistory(record([publish]))).toBe(false);
    expect(
      hasEditionHistory(
        record([publish, { kind: 'correct', edition: 2, date: '2024-04-01', note: '更正' }]),
      ),
    ).toBe(true);
    expect(
      hasEditionHistory(record([publish, { kind: 'withdraw', date: '2024-05-01', note: '撤回' }])),
    ).toBe(true);
  });
});

describe('citations and the change list', () => {
  it('formats a GB/T 7714 electronic-resource reference naming the edition', () => {
    expect(
      gbtCitation(
        {
          agency: '上海市公安局嘉定分局',
          title: '嘉定公安分局2023年法治政府建设情况',
          heading: '（一）狠抓法治理念教育。',
          edition: 2,
          date: '2024-04-10',
          url: 'https://x.gov.cn/r/#s1-1-p3',
        },
        '2024-05-01',
      ),
    ).toBe(
      '上海市公安局嘉定分局. 嘉定公安分局2023年法治政府建设情况：（一）狠抓法治理念教育[EB/OL]. 2版. (2024-04-10)[2024-05-01]. https://x.gov.cn/r/#s1-1-p3',
    );
  });

  it('lists every publication, correction and withdrawal newest first', () => {
    const urls = { report: 'r', editions: 'e', edition: (n: number) => `e${n}` };
    const changes = siteChanges([
      {
        folder: 'a',
        title: '甲',
        agency: '甲局',
        urls,
        events: [
          { kind: 'publish', edition: 1, date: '2024-03-01', note: '首次发布' },
          { kind: 'correct', edition: 2, date: '2024-04-01', note: '更正', changes: [] },
          { kind: 'withdraw', date: '2024-04-01', note: '撤回' },
        ],
      },
      {
        folder: 'b',
        title: '乙',
        agency: '乙局',
        urls,
        events: [{ kind: 'publish', edition: 1, date: '2024-03-15', note: '首次发布' }],
      },
    ]);
    expect(changes.map((change) => `${change.date} ${change.kind} ${change.report}`)).toEqual([
      '2024-04-01 withdrawal a',
      '2024-04-01 correction a',
      '2024-03-15 publication b',
      '2024-03-01 publication a',
    ]);
  });
});
