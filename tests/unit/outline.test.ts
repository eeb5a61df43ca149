import { describe, expect, it } from 'vitest';
import { buildOutline, flattenOutline, neighbours } from '../../src/lib/content/outline.ts';
import { sectionSchema } from '../../src/schemas/section.ts';

const s = (data: Record<string, unknown>) => {
  const parsed = sectionSchema.parse({
    title: '标题',
    item: data['parent'] ? undefined : '其他',
    ...data,
  });
  return { data: parsed, entry: parsed.id };
};

// Deliberately out of order: files are read in name order, not reading order.
const sections = [
  s({ id: 's2', numbering: '二、', order: 2, title: '不足', item: '存在的不足和原因' }),
  s({ id: 's1-2', numbering: '(二)', order: 2, parent: 's1', title: '从严打击违法犯罪,守护生活' }),
  s({ id: 's1', numbering: '一、', order: 1, item: '主要举措和成效' }),
  s({ id: 's1-1', numbering: '(一)', order: 1, parent: 's1', title: '狠抓教育', runIn: true }),
];

describe('buildOutline', () => {
  const outline = buildOutline(sections);

  it('orders parts and nests subsections under their part by order', () => {
    expect(outline.map((part) => part.id)).toEqual(['s1', 's2']);
    expect(outline[0]!.children.map((child) => child.id)).toEqual(['s1-1', 's1-2']);
  });

  it('shows numbering full-width and titles with full-width punctuation', () => {
    expect(outline[0]!.children[1]).toMatchObject({
      numbering: '（二）',
      heading: '（二）从严打击违法犯罪，守护生活',
      level: 3,
    });
  });

  it('ends a run-in heading with 。', () => {
    expect(outline[0]!.children[0]!.heading).toBe('（一）狠抓教育。');
  });

  it('passes the statutory item of a part down to its subsections', () => {
    expect(outline[0]!.children.map((child) => child.item)).toEqual([
      '主要举措和成效',
      '主要举措和成效',
    ]);
    expect(outline[1]!.item).toBe('存在的不足和原因');
  });

  it('flattens in reading order and finds neighbours', () => {
    expect(flattenOutline(outline).map((section) => section.id)).toEqual([
      's1',
      's1-1',
      's1-2',
      's2',
    ]);
    expect(neighbours(outline, 's1-2').previous?.id).toBe('s1-1');
    expect(neighbours(outline, 's1-2').next?.id).toBe('s2');
    expect(neighbours(outline, 's1')).not.toHaveProperty('previous');
    expect(neighbours(outline, 's2')).not.toHaveProperty('next');
  });
});
