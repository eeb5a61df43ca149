import { describe, expect, it } from 'vitest';
import {
  applyOutlineAction,
  applyReportForm,
  paragraphsOf,
  sectionField,
} from '../../src/lib/desk/report-form.ts';
import { importFixture } from '../support/import.ts';

const { plan } = importFixture('portal-header.txt', { agencyId: 'qingfeng', draft: true });
const form =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('the desk report form', () => {
  it('takes typed values, drops emptied optional fields and reads dates as released', () => {
    const next = applyReportForm(
      plan,
      form({
        title: ' 青枫区人民政府2023年法治政府建设情况 ',
        published: '2024年3月28日',
        indexNumber: '',
        'signature.body': '青枫区人民政府',
        'signature.date': '',
      }),
      true,
    );
    expect(next.data['title']).toBe('青枫区人民政府2023年法治政府建设情况');
    expect(next.data['published']).toBe('2024-03-28');
    expect(next.data).not.toHaveProperty('indexNumber');
    expect(next.data['signature']).toEqual({ body: '青枫区人民政府' });
    expect(Object.keys(next.data).at(-1)).toBe('draft');
  });

  it('keeps what cannot be read as typed, for the check to name', () => {
    const next = applyReportForm(plan, form({ year: '二〇二三', published: '三月' }), false);
    expect(next.data['year']).toBe('二〇二三');
    expect(next.data['published']).toBe('三月');
  });

  it('does not move the folder once saved: agency id and year are kept', () => {
    const next = applyReportForm(plan, form({ year: '2022', 'agency.id': 'other' }), true);
    expect(next.data['year']).toBe(2023);
    expect((next.data['agency'] as { id: string }).id).toBe('qingfeng');
  });

  it('changes a heading level from the form and renumbers, and an item changed by hand is no longer marked a guess', () => {
    const index = plan.sections.findIndex((s) => s.id === 's3-1');
    const part = plan.sections.findIndex((s) => s.id === 's2');
    const next = applyReportForm(
      plan,
      form({
        [sectionField(index, 'title')]: plan.sections[index]!.title,
        [sectionField(index, 'level')]: 'part',
        [sectionField(part, 'title')]: plan.sections[part]!.title,
        [sectionField(part, 'item')]: '其他',
        [sectionField(part, 'body')]: '第一段。\n\n第二段。',
      }),
      true,
    );
    expect(next.sections.map((s) => s.id)).toEqual([
      's1',
      's1-1',
      's1-2',
      's2',
      's3',
      's4',
      's4-1',
    ]);
    expect(next.sections[3]).toMatchObject({
      item: '其他',
      paragraphs: ['第一段。', '第二段。'],
    });
    expect(next.sections[3]!.itemComment).toBeUndefined();
  });

  it('splits at the paragraph chosen beside the button', () => {
    const index = plan.sections.findIndex((s) => s.id === 's2');
    const next = applyOutlineAction(
      {
        ...plan,
        sections: plan.sections.map((s, i) =>
          i === index ? { ...s, paragraphs: ['甲。', '（一）新标题。乙。'] } : s,
        ),
      },
      `split:${index}:1`,
    );
    expect(next.sections.find((s) => s.id === 's2-1')).toMatchObject({
      title: '新标题',
      runIn: true,
    });
  });

  it('reads paragraphs separated by blank lines, full-width spaces included', () => {
    expect(paragraphsOf('甲。\r\n\r\n乙，\n续。\n\u3000\n丙。')).toEqual([
      '甲。',
      '乙，\n续。',
      '丙。',
    ]);
  });
});
