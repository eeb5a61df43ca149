import { describe, expect, it } from 'vitest';
import { importFixture, treeOf } from '../support/import.ts';

// Each fixture is invented text in the shape of a real release; see tests/fixtures/import/.

describe('a portal copy with a breadcrumb, 来源 and a time, 索引号 and 文号, and 《》 around a 关于 title', () => {
  const { report, plan } = importFixture('portal-header.txt');

  it('finds the tree, with full-width brackets and run-in and own-line headings', () => {
    expect(treeOf(plan)).toEqual([
      's1 一、2023年法治政府建设的主要举措和成效 [主要举措和成效]',
      '  s1-1 （一）健全依法决策机制。',
      '  s1-2 （二）规范行政执法行为',
      's2 二、存在的不足 [存在的不足和原因]',
      's3 三、2024年工作安排 [下一年度主要安排]',
      '  s3-1 （一）持续提升依法决策水平。',
      '  s3-2 （二）加强执法队伍建设。',
    ]);
  });

  it('sets every field the release gives, keeping 来源 apart and the date without its time', () => {
    expect(plan.data).toEqual({
      title: '青枫区人民政府关于2023年度法治政府建设情况的报告',
      agency: { name: '青枫区人民政府', shortName: '青枫区人民政府', id: 'test-agency' },
      year: 2023,
      published: '2024-03-28',
      signature: { body: '青枫区人民政府', date: '2024-03-28' },
      summary:
        '2023年，青枫区人民政府以建设人民满意的法治政府为目标，把依法行政贯穿政府工作全过程。',
      source: '青枫区人民政府办公室',
      indexNumber: 'QF-2024-00031',
      documentNumber: '青府报〔2024〕5号',
    });
    expect(report.metadata.publishedTime).toBe('09:18');
    expect(plan.draft).toBe(false);
  });

  it('keeps 一、二季度 and 一是…二是… inside paragraphs as text, and drops the page furniture', () => {
    expect(report.parts[0]!.subsections[0]!.paragraphs[0]).toContain('一、二季度集中清理');
    expect(report.parts[1]!.paragraphs).toEqual([
      '一是个别部门对合法性审查的重视程度不够；二是基层执法人员的专业能力仍有差距。',
    ]);
    expect(report.skipped.map(({ line, reason }) => `${line} ${reason}`)).toEqual([
      '1 网页上的导航或按钮',
      '3 网页上的发布信息，已读取其中的字段',
      '4 网页上的发布信息，已读取其中的字段',
      '17 网页上的导航或按钮',
    ]);
  });
});

describe('a text with CRLF line ends, full-width indentation and no date line', () => {
  const { report, plan, files } = importFixture('no-date-line.txt');

  it('finds the tree with ASCII-bracket subsections', () => {
    expect(treeOf(plan)).toEqual([
      's1 一、主要工作和成效 [主要举措和成效]',
      '  s1-1 (一)完善制度体系',
      '  s1-2 (二)强化执法监督',
      's2 二、存在的问题和下一步打算 [存在的不足和原因]',
    ]);
    expect(report.parts[0]!.subsections[0]!.paragraphs).toEqual([
      '修订了行政处罚自由裁量基准，细化了十二类违法行为的裁量情形。',
    ]);
  });

  it('writes a draft without a publication date rather than taking the signing date', () => {
    expect(plan.draft).toBe(true);
    expect(plan.missing.map((field) => field.field)).toEqual(['published']);
    expect(plan.data).toMatchObject({
      agency: { name: '临川市生态环境局', shortName: '临川市生态环境局' },
      signature: { body: '临川市生态环境局', date: '2024-02-06' },
      draft: true,
    });
    expect(plan.data).not.toHaveProperty('published');
    expect(files.get('report.md')).toContain(
      '# 草稿：原文没有 published（发布日期）。补上后运行 npm run publish-report -- 2023-test-agency --date 发布日期 发布。',
    );
  });

  it('is no draft once --published gives the date', () => {
    const { plan: dated } = importFixture('no-date-line.txt', { published: '2024-02-07' });
    expect(dated.draft).toBe(false);
    expect(dated.data).toMatchObject({ published: '2024-02-07' });
  });
});

describe('a text with 1. subsections, (1) items inside them and no 落款', () => {
  const { report, plan } = importFixture('no-signature.txt');

  it('takes 1. as the subsection level and leaves (1), 1.5倍 and a list of one-sentence items in the text', () => {
    expect(treeOf(plan)).toEqual([
      's1 一、推进法治政府建设的主要举措 [主要举措和成效]',
      '  s1-1 1.抓好统筹协调。',
      '  s1-2 2.深化普法宣传',
      's2 二、党政主要负责人履行推进法治建设第一责任人职责情况 [第一责任人职责]',
      's3 三、下一年度工作计划 [下一年度主要安排]',
    ]);
    // One-sentence items with no text under them are a list: empty sections would fail the check.
    expect(report.parts[2]!.paragraphs).toEqual([
      '1.继续完善公共法律服务体系。',
      '2.进一步提高行政复议案件办理质量，今年预计案件数量增长1.5倍以上。',
    ]);
    expect(report.parts[0]!.subsections[1]!.paragraphs).toEqual([
      '以“八五”普法为主线，开展送法进乡村活动，全年共举办讲座三十余场。',
      '(1)在乡镇设立法律服务点；',
      '(2)在学校开设法治课堂。',
    ]);
  });

  it('writes no signature and takes the agency from the title', () => {
    expect(report.signature).toBeUndefined();
    expect(plan.data).not.toHaveProperty('signature');
    expect(plan.data).toMatchObject({
      agency: { name: '松溪县司法局', shortName: '松溪县司法局' },
      published: '2024-01-30',
    });
    expect(plan.origins['agency.name']).toBe('由标题推得');
    expect(plan.draft).toBe(false);
  });
});

describe('a Markdown file with 第一部分 parts, 一、 subsections, a table and a 〇 date', () => {
  const { report, plan } = importFixture('chapter-parts.md');

  it('takes 第一部分 as parts and 一、 as subsections, leaving （一） in the text', () => {
    expect(treeOf(plan)).toEqual([
      's1 第一部分2023年法治政府建设主要举措和成效 [主要举措和成效]',
      '  s1-1 一、深化行政审批改革',
      '  s1-2 二、严格规范执法',
      's2 第二部分主要负责人履行推进法治建设第一责任人职责情况 [第一责任人职责]',
      's3 第三部分存在的不足和2024年工作思路 [存在的不足和原因]',
      '  s3-1 一、存在的不足',
      '  s3-2 二、2024年工作思路',
    ]);
    expect(report.parts[0]!.subsections[1]!.paragraphs[0]).toMatch(/^（一）统一执法文书；（二）/);
  });

  it('keeps bold and the table as Markdown', () => {
    expect(report.parts[0]!.subsections[0]!.paragraphs).toEqual([
      '**全面推行告知承诺制。**道路运输领域十项许可事项实行告知承诺，办理时限平均压缩一半。',
      [
        '| 事项 | 2022年 | 2023年 |',
        '| --- | --- | --- |',
        '| 网上办理率 | 82% | 96% |',
        '| 平均办理时限 | 6天 | 3天 |',
      ].join('\n'),
    ]);
  });

  it('reads 发布机构 and the signing date written in Chinese numerals', () => {
    expect(plan.data).toMatchObject({
      title: '云岭市交通运输局2023年法治政府建设年度报告',
      agency: { name: '云岭市交通运输局', shortName: '云岭市交通运输局' },
      published: '2024-02-20',
      signature: { body: '云岭市交通运输局', date: '2024-02-20' },
    });
    expect(plan.origins['agency.name']).toBe('取自“发布机构”');
  });
});

describe('a text saved in GBK', () => {
  const { encoding, report, plan } = importFixture('gbk.txt');

  it('is read as GB18030, title and all', () => {
    expect(encoding).toBe('GB18030');
    expect(report.title).toBe('白石镇人民政府2023年度法治政府建设工作报告');
  });

  it('finds the tree and keeps a paragraph that starts with a figure (1.5亿元) as text', () => {
    expect(treeOf(plan)).toEqual([
      's1 一、工作成效 [主要举措和成效]',
      '  s1-1 （一）基层治理法治化',
      '  s1-2 （二）矛盾纠纷化解',
      's2 二、存在问题 [存在的不足和原因]',
      's3 三、下一步工作打算 [下一年度主要安排]',
    ]);
    expect(report.parts[0]!.subsections[0]!.paragraphs[0]).toMatch(/^1\.5亿元的镇级项目/);
  });

  it('sets the fields from 发布机构, 发布日期 and the 落款', () => {
    expect(plan.data).toMatchObject({
      agency: { name: '白石镇人民政府', shortName: '白石镇人民政府' },
      year: 2023,
      published: '2024-01-15',
      signature: { body: '白石镇人民政府', date: '2024-01-15' },
      summary: '2023年，白石镇在县委县政府领导下，扎实推进基层法治建设。',
    });
  });
});
