import { describe, expect, it } from 'vitest';
import {
  joinWithPrevious,
  outlineStyles,
  setLevel,
  splitAt,
} from '../../src/lib/desk/outline-edit.ts';
import type { PlannedSection } from '../../src/lib/import/plan.ts';

const section = (over: Partial<PlannedSection>): PlannedSection => ({
  id: 's1',
  numbering: '一、',
  title: '标题',
  order: 1,
  runIn: false,
  paragraphs: ['正文。'],
  line: 1,
  ...over,
});

const outline = (): PlannedSection[] => [
  section({ id: 's1', title: '主要举措和成效', item: '主要举措和成效' }),
  section({
    id: 's1-1',
    numbering: '（一）',
    title: '健全机制',
    parent: 's1',
    paragraphs: ['甲。'],
  }),
  section({ id: 's1-2', numbering: '（二）', title: '规范执法', parent: 's1', order: 2 }),
  section({ id: 's2', numbering: '二、', title: '存在的不足', order: 2, item: '存在的不足和原因' }),
];

const tree = (sections: PlannedSection[]) =>
  sections.map((s) => `${s.id} ${s.numbering}${s.title} ${s.parent ?? ''} ${s.item ?? ''}`.trim());

describe('desk outline edits', () => {
  it('reads the numbering styles of parts and subsections from the sections', () => {
    expect(outlineStyles(outline())).toEqual({ part: 'ordinal', subsection: 'paren' });
    expect(outlineStyles([section({ numbering: '第一部分' })])).toEqual({
      part: 'chapter',
      subsection: 'ordinal',
    });
  });

  it('makes a subsection a part and renumbers everything after it', () => {
    expect(tree(setLevel(outline(), 2, 'part'))).toEqual([
      's1 一、主要举措和成效  主要举措和成效',
      's1-1 （一）健全机制 s1',
      's2 二、规范执法  其他',
      's3 三、存在的不足  存在的不足和原因',
    ]);
  });

  it('makes a part a subsection of the part before it', () => {
    expect(tree(setLevel(outline(), 3, 'subsection'))).toEqual([
      's1 一、主要举措和成效  主要举措和成效',
      's1-1 （一）健全机制 s1',
      's1-2 （二）规范执法 s1',
      's1-3 （三）存在的不足 s1',
    ]);
  });

  it('keeps the first section a part', () => {
    expect(tree(setLevel(outline(), 0, 'subsection'))[0]).toBe(
      's1 一、主要举措和成效  主要举措和成效',
    );
  });

  it('joins a heading into the text before it, numbering and all', () => {
    const joined = joinWithPrevious(outline(), 2);
    expect(tree(joined)).toEqual([
      's1 一、主要举措和成效  主要举措和成效',
      's1-1 （一）健全机制 s1',
      's2 二、存在的不足  存在的不足和原因',
    ]);
    expect(joined[1]!.paragraphs).toEqual(['甲。', '（二）规范执法', '正文。']);
  });

  it('joins a run-in heading back into its first paragraph', () => {
    const list = outline();
    list[2] = { ...list[2]!, runIn: true, paragraphs: ['坚持依法行政。'] };
    expect(joinWithPrevious(list, 2)[1]!.paragraphs).toEqual([
      '甲。',
      '（二）规范执法。坚持依法行政。',
    ]);
  });

  it('splits a section at a paragraph that is a missed heading', () => {
    const list = outline();
    list[1] = { ...list[1]!, paragraphs: ['甲。', '（二）强化监督。加强行政复议。', '乙。'] };
    const split = splitAt(list, 1, 1);
    expect(tree(split)).toEqual([
      's1 一、主要举措和成效  主要举措和成效',
      's1-1 （一）健全机制 s1',
      's1-2 （二）强化监督 s1',
      's1-3 （三）规范执法 s1',
      's2 二、存在的不足  存在的不足和原因',
    ]);
    expect(split[1]!.paragraphs).toEqual(['甲。']);
    expect(split[2]).toMatchObject({ runIn: true, paragraphs: ['加强行政复议。', '乙。'] });
  });

  it('leaves the outline alone when asked for a paragraph that is not there', () => {
    expect(tree(splitAt(outline(), 1, 5))).toEqual(tree(outline()));
    expect(tree(joinWithPrevious(outline(), 0))).toEqual(tree(outline()));
  });
});
