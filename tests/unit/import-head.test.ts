import { describe, expect, it } from 'vitest';
import { blocksFromPlainText } from '../../src/lib/import/blocks.ts';
import { readHead, untagTitle } from '../../src/lib/import/head.ts';
import { findMaskedWords, recogniseNotAReport } from '../../src/lib/import/kind.ts';
import {
  cellsOfLine,
  isMetadataLabel,
  readMetadataCells,
  readMetadataLine,
} from '../../src/lib/import/metadata.ts';
import { isOrganisationName } from '../../src/lib/import/names.ts';

const head = (text: string) => readHead(blocksFromPlainText(text), '行');

describe('portal information tables', () => {
  it('reads [ 标签 ] cells printed twice, taking 发布日期 and not 成文日期, and 无 as no 文号', () => {
    const row = (line: string) => readMetadataCells(cellsOfLine(line)!);
    expect(row('| [ 索引号 ] | 1150/2026-00028 | [ 发文字号 ] | 无 |')).toEqual({
      indexNumber: '1150/2026-00028',
      other: [],
    });
    expect(row('| [ 成文日期 ] | 2026-01-30 | [ 发布日期 ] | 2026-02-25 |')).toEqual({
      published: '2026-02-25',
      publishedLabel: '发布日期',
      other: ['成文日期:2026-01-30'],
    });
    expect(row('| [ 发布机构 ] | 市市场监管局 | ||')).toEqual({
      publisher: '市市场监管局',
      other: [],
    });
  });

  it('reads cells a browser copies with tabs, and labels spaced out to line up', () => {
    expect(cellsOfLine('索引号：\tQF-1\t发布机构：\t某区人民政府')).toHaveLength(4);
    expect(readMetadataCells(['索引号：', 'QF-1', '发布机构：', '某区人民政府'])).toMatchObject({
      indexNumber: 'QF-1',
      publisher: '某区人民政府',
    });
    expect(readMetadataLine('索 引 号：QF-1　　文　　号：某府〔2024〕1号')).toMatchObject({
      indexNumber: 'QF-1',
      documentNumber: '某府〔2024〕1号',
    });
  });

  it('takes 转自 for the source and knows a label alone on its line', () => {
    expect(readMetadataLine('转自:司法部')).toMatchObject({
      source: '司法部',
      sourceLabel: '转自',
    });
    expect(isMetadataLabel('[ 发布日期 ]')).toBe(true);
    expect(isMetadataLabel('发布机构：')).toBe(true);
    expect(isMetadataLabel('主要举措')).toBe(false);
    expect(cellsOfLine('一、主要举措和成效')).toBeUndefined();
  });
});

describe('the head of a release', () => {
  it('joins a title split after the agency, and skips a stray first line', () => {
    const found = head(
      '各区县局\n赵县人民政府\n2022年度法治政府建设情况报告\n2022年，县政府依法履职。',
    );
    expect(found.title).toBe('赵县人民政府2022年度法治政府建设情况报告');
    expect(found.titleOrigin).toBe('取自第 2、3 行合并');
    expect(found.skipped).toEqual([
      { line: 1, text: '各区县局', reason: '标题前后的网页文字（栏目、导航等）' },
    ]);
  });

  it('does not join two wordings of the title, taking the one that names an agency', () => {
    const found = head(
      '南湖区2023年法治政府建设年度报告\n南湖区人民政府关于2023年度法治政府建设情况的报告\n2023年，区政府依法履职。',
    );
    expect(found.title).toBe('南湖区人民政府关于2023年度法治政府建设情况的报告');
    expect(found.skipped.map((line) => line.reason)).toEqual(['标题的另一种写法，未采用']);
  });

  it('finds no title when the text starts with its preamble', () => {
    const found = head('2023年，金水镇扎实推进基层法治建设，现将有关情况报告如下。\n一、主要工作');
    expect(found.title).toBe('');
    expect(found.start).toBe(0);
  });

  it('skips breadcrumbs, doubled site names, button lines and status lines, saying why', () => {
    const found = head(
      [
        '中意资讯网 中意资讯网',
        '首页',
        '>',
        '政务公开',
        '【字体：大 中 小】【打印】【关闭】',
        '文件已失效',
        '某市司法局2023年法治政府建设年度报告',
        '2023年，市司法局依法履职。',
      ].join('\n'),
    );
    expect(found.title).toBe('某市司法局2023年法治政府建设年度报告');
    expect(found.skipped.map((line) => `${line.line} ${line.reason}`)).toEqual([
      '1 网站名称',
      '2 网页上的导航或按钮',
      '3 网页上的导航或按钮',
      '4 标题前后的网页文字（栏目、导航等）',
      '5 网页上的导航或按钮',
      '6 网页上的文件状态',
    ]);
    expect(found.notes).toHaveLength(1);
  });

  it('takes a portal tag off the title but keeps a 解读 tag for recognising the page', () => {
    expect(untagTitle('《某县2023年法治政府建设情况的报告》')).toBe(
      '某县2023年法治政府建设情况的报告',
    );
    expect(untagTitle('某县2023年法治政府建设年度报告【全文】')).toBe(
      '某县2023年法治政府建设年度报告',
    );
    expect(untagTitle('【政策解读】关于《某报告》的解读')).toBe('【政策解读】关于《某报告》的解读');
  });
});

describe('texts that are not reports', () => {
  const report = '某县人民政府关于2023年度法治政府建设情况的报告';

  it('recognises a 政策解读 page and names the report to import instead', () => {
    expect(
      recogniseNotAReport({
        title: `【政策解读】关于《${report}》的政策解读`,
        head: [],
        body: ['现解读如下：'],
      }),
    ).toMatchObject({ what: '政策解读', instead: report });
  });

  it('recognises a 通知 issuing a work plan, and a 通知 that issues a report names it', () => {
    expect(
      recogniseNotAReport({
        title: '某县人民政府办公室关于印发《某县2024年法治政府建设工作要点》的通知',
        head: [],
        body: [],
      })?.message,
    ).toBe('这是一份通知，印发的是《某县2024年法治政府建设工作要点》（工作安排，不是年度报告）。');
    expect(
      recogniseNotAReport({ title: `关于印发《${report}》的通知`, head: [], body: [] }),
    ).toMatchObject({ what: '通知', instead: report });
  });

  it('leaves reports alone, including one that mentions a 通知 or a 解读 in its text', () => {
    expect(
      recogniseNotAReport({
        title: report,
        head: [],
        body: ['根据《关于做好2023年度法治政府建设情况报告工作的通知》要求，现报告如下。'],
      }),
    ).toBeUndefined();
  });
});

describe('names and masked words', () => {
  it('tells an organisation from a place or an addressee', () => {
    expect(isOrganisationName('清江县人民政府')).toBe(true);
    expect(isOrganisationName('重庆市市场监督管理局')).toBe(true);
    expect(isOrganisationName('清江县')).toBe(false);
    expect(isOrganisationName('各区县局')).toBe(false);
  });

  it('counts （略） and * left where a copying site took words out', () => {
    expect(findMaskedWords(['连续多 (略) 依法行政，县长***同志，（略）', '1\\*2'])).toEqual({
      omitted: 2,
      starred: 1,
    });
  });
});
