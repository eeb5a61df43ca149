import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { PLACEHOLDERS } from '../../src/lib/content/review.ts';

/**
 * The import catalogue: real-shaped releases (tests/fixtures/import/real/, invented text in the
 * shapes found on agencies' portals, on sites that re-post them and in Word files), each with what
 * a correct import gives, and the four public samples (tests/fixtures/import/samples/). Each is
 * imported in three forms: the file as written, a full-width copy (full-width punctuation, U+3000
 * indents, CRLF) and a .docx made from it. `npm run bench:import` counts the cases imported fully
 * right; the unit test requires all of them.
 */

export const REAL_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import/real');
export const SAMPLE_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import/samples');

/** What a correct import of a report gives. `null`: the field must be absent. */
export interface ExpectedReport {
  title: string;
  agency: string;
  shortName?: string;
  year: number;
  /** null: no date in the text, so a draft naming the missing `published`. */
  published: string | null;
  source: string | null;
  indexNumber?: string | null;
  documentNumber?: string | null;
  /** Parts as `numbering+title`, subsections indented by two spaces (punctuation width ignored). */
  tree: string[];
  /** Text that must be kept in the preamble or a section's body. */
  kept?: string[];
  /** Text that must appear nowhere in what is written (page furniture). */
  furniture?: string[];
  /** Text the printed summary must show: lines not imported, notices. */
  listed?: string[];
}

export type Expected =
  | ({ kind: 'report' } & ExpectedReport)
  /** Not a report: refused; the message says these things (what it is, what to import). */
  | { kind: 'refused'; says: string[] }
  /** Refused until an option answers what the text cannot say; then imported. */
  | { kind: 'needs'; says: string[]; options: Record<string, string>; then: ExpectedReport };

export interface ImportCase {
  file: string;
  /** The kind of problem, as issue 18 lists it. */
  kind: string;
  expected: Expected;
}

export const REAL_CASES: ImportCase[] = [
  {
    file: 'split-title-county.txt',
    kind: 'title split over two lines: agency, then year and 法治政府建设情况报告',
    expected: {
      kind: 'report',
      title: '柳河县人民政府2023年度法治政府建设情况报告',
      agency: '柳河县人民政府',
      shortName: '柳河县人民政府',
      year: 2023,
      published: null,
      source: null,
      tree: ['一、主要举措和成效', '二、存在的问题', '三、2024年工作安排'],
      kept: ['一是健全依法决策机制。', '二是规范行政执法行为。'],
    },
  },
  {
    file: 'split-title-mid.txt',
    kind: 'title broken in the middle of a word (…法治政府 / 建设情况的报告)',
    expected: {
      kind: 'report',
      title: '北川市人民政府关于2022年度法治政府建设情况的报告',
      agency: '北川市人民政府',
      year: 2022,
      published: '2023-03-20',
      source: '北川市人民政府办公室',
      tree: [
        '一、2022年法治政府建设主要工作',
        '  (一)强化党对法治政府建设的领导',
        '  (二)推进严格规范公正文明执法',
        '二、存在的不足和原因',
        '三、2023年工作打算',
      ],
    },
  },
  {
    file: 'split-title-about.txt',
    kind: 'title split before 关于, 主送 line before the preamble',
    expected: {
      kind: 'report',
      title: '东阳区人民政府关于2023年法治政府建设情况的报告',
      agency: '东阳区人民政府',
      year: 2023,
      published: '2024-02-29',
      source: null,
      indexNumber: 'DY-2024-00112',
      tree: ['一、工作成效', '二、下一步打算'],
    },
  },
  {
    file: 'two-wordings.txt',
    kind: 'the title in two wordings on consecutive lines: not joined',
    expected: {
      kind: 'report',
      title: '南湖区人民政府关于2023年度法治政府建设情况的报告',
      agency: '南湖区人民政府',
      year: 2023,
      published: '2024-03-12',
      source: null,
      tree: [
        '一、2023年主要工作举措和成效',
        '  (一)依法全面履行政府职能',
        '  (二)健全依法行政制度体系',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和下一步工作安排',
      ],
      furniture: ['南湖区2023年法治政府建设年度报告'],
      listed: ['南湖区2023年法治政府建设年度报告'],
    },
  },
  {
    file: 'stray-first-line-table.txt',
    kind: 'stray first line and a 索引号 table in [ 标签 ] cells printed twice; 1. items stay text',
    expected: {
      kind: 'report',
      title: '海川省交通运输厅关于2024年法治政府建设情况的报告',
      agency: '海川省交通运输厅',
      year: 2024,
      published: '2025-02-14',
      source: null,
      indexNumber: '11440000MB2C81307X/2025-00041',
      documentNumber: null,
      tree: [
        '一、2024年工作举措及成效',
        '  (一)加强党对法治建设的全面领导',
        '  (二)推进交通运输综合执法改革',
        '二、存在的不足',
      ],
      kept: ['1.坚持把学习贯彻习近平法治思想作为重大政治任务。', '2.规范执法程序。'],
      furniture: ['各区县局', '索引号', '主题分类', '成文日期', '|'],
      listed: ['各区县局', '省交通运输厅', '成文日期'],
    },
  },
  {
    file: 'breadcrumb-last-crumb.txt',
    kind: 'a breadcrumb whose last crumb reads like the title',
    expected: {
      kind: 'report',
      title: '西林市司法局2023年度法治政府建设情况报告',
      agency: '西林市司法局',
      year: 2023,
      published: '2024-03-25',
      source: '西林市司法局',
      tree: [
        '一、2023年推进法治政府建设的主要举措和成效',
        '  (一)抓实法治督察',
        '  (二)抓好普法宣传',
        '二、存在的不足和原因',
        '三、2024年工作思路',
      ],
      furniture: ['您现在的位置', '浏览次数'],
      listed: ['您现在的位置'],
    },
  },
  {
    file: 'breadcrumb-lines.txt',
    kind: 'a breadcrumb copied one crumb a line',
    expected: {
      kind: 'report',
      title: '清江县2023年法治政府建设年度报告',
      agency: '清江县',
      year: 2023,
      published: '2024-03-29',
      source: '清江县司法局',
      tree: ['一、主要工作及成效', '二、存在的主要问题', '三、下一步工作计划'],
      furniture: ['政务公开', '正文'],
      listed: ['政务公开', '--agency'],
    },
  },
  {
    file: 'no-title-line.txt',
    kind: 'no title line: refused until --title gives it',
    expected: {
      kind: 'needs',
      says: ['--title'],
      options: { title: '金水镇人民政府2023年法治政府建设工作报告' },
      then: {
        title: '金水镇人民政府2023年法治政府建设工作报告',
        agency: '金水镇人民政府',
        year: 2023,
        published: null,
        source: null,
        tree: [
          '一、主要工作开展情况',
          '  (一)加强组织领导',
          '  (二)深化普法宣传',
          '二、存在的问题',
          '三、下一步工作打算',
        ],
        kept: ['2023年,金水镇在县委、县政府的正确领导下'],
      },
    },
  },
  {
    file: 'repost-zhuanzi.txt',
    kind: 're-posted copy: site name, breadcrumb, 转自',
    expected: {
      kind: 'report',
      title: '水利部2023年法治政府建设年度报告',
      agency: '水利部',
      year: 2023,
      published: null,
      source: '水利部',
      tree: ['一、深入学习贯彻习近平法治思想', '二、加快推进水利法治体系建设'],
      kept: ['强化理论武装。部党组理论学习中心组'],
      furniture: ['转自', '北方法治资讯网', '当前位置'],
      listed: ['转自', '北方法治资讯网'],
    },
  },
  {
    file: 'status-invalid.txt',
    kind: '文件已失效 status line; 成文日期 is not the publication date',
    expected: {
      kind: 'report',
      title: '长平市人民政府关于2020年度法治政府建设情况的报告',
      agency: '长平市人民政府',
      year: 2020,
      published: '2021-03-16',
      source: null,
      indexNumber: '000014349/2021-00057',
      documentNumber: '长政报〔2021〕8号',
      tree: [
        '一、2020年法治政府建设主要举措和成效',
        '  (一)依法全面履行政府职能',
        '  (二)完善依法行政制度体系',
        '二、存在的不足',
        '三、2021年工作安排',
      ],
      furniture: ['文件已失效', '成文日期'],
      listed: ['文件已失效', '成文日期'],
    },
  },
  {
    file: 'index-table-tabs.txt',
    kind: '索引号 table copied from a browser: cells separated by tabs',
    expected: {
      kind: 'report',
      title: '临江区人民政府关于2023年度法治政府建设情况的报告',
      agency: '临江区人民政府',
      year: 2023,
      published: '2024-03-22',
      source: null,
      indexNumber: '11330100002489561R/2024-00230',
      documentNumber: '临政报〔2024〕4号',
      tree: [
        '一、2023年法治政府建设主要举措和成效',
        '  (一)加强党对法治政府建设的领导',
        '  (二)提高依法决策水平',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和原因',
        '四、2024年度推进法治政府建设的主要安排',
      ],
      furniture: ['索引号', '有效性'],
      listed: ['成文日期'],
    },
  },
  {
    file: 'lone-part.txt',
    kind: 'a single 一、 with (一) items under it',
    expected: {
      kind: 'report',
      title: '石桥街道办事处2023年法治政府建设工作情况报告',
      agency: '石桥街道办事处',
      year: 2023,
      published: '2024-01-26',
      source: null,
      tree: [
        '一、2023年法治政府建设工作开展情况',
        '  (一)加强组织领导',
        '  (二)强化依法决策',
        '  (三)化解矛盾纠纷',
      ],
    },
  },
  {
    file: 'run-in-paragraphs.txt',
    kind: 'unnumbered run-in paragraphs and 1. items under (一) stay text',
    expected: {
      kind: 'report',
      title: '国家林业和草原局2023年法治政府建设年度报告',
      agency: '国家林业和草原局',
      year: 2023,
      published: '2024-03-29',
      source: '国家林业和草原局',
      tree: [
        '一、加强党对法治政府建设的领导',
        '二、推进林草立法',
        '  (一)加快重点领域立法',
        '  (二)加强规范性文件管理',
      ],
      kept: ['强化组织领导。局党组定期研究部署法治建设工作', '1.推动国家公园法立法进程。'],
    },
  },
  {
    file: 'numbered-continuous.txt',
    kind: '1. 2. numbered on across (一) and (二)',
    expected: {
      kind: 'report',
      title: '安平县市场监督管理局2024年法治政府建设情况报告',
      agency: '安平县市场监督管理局',
      year: 2024,
      published: '2025-02-20',
      source: null,
      tree: [
        '一、2024年工作举措及成效',
        '  (一)强化法治理念',
        '  (二)规范执法行为',
        '二、存在的不足和原因',
        '三、2025年工作计划',
      ],
      kept: ['3.严格执法程序。', '4.加强案件审核。'],
    },
  },
  {
    file: 'heading-full-stop.txt',
    kind: 'headings alone on their line that end with 。',
    expected: {
      kind: 'report',
      title: '丰宁市应急管理局2023年法治政府建设年度报告',
      agency: '丰宁市应急管理局',
      year: 2023,
      published: '2024-03-05',
      source: null,
      tree: [
        '一、2023年推进法治政府建设的主要举措和成效。',
        '  (一)坚持党的领导,压紧压实法治建设责任。',
        '  (二)坚持依法行政,提升安全生产执法效能。',
        '二、存在的不足和原因。',
        '三、2024年工作打算。',
      ],
    },
  },
  {
    file: 'policy-interpretation.txt',
    kind: 'a 解读 page about a report: refused, naming the report',
    expected: {
      kind: 'refused',
      says: ['解读', '《白水区人民政府关于2023年度法治政府建设情况的报告》'],
    },
  },
  {
    file: 'work-plan-notice.txt',
    kind: 'a work-plan 通知 (文号, 主送, attached 工作要点): refused',
    expected: { kind: 'refused', says: ['通知', '工作要点'] },
  },
  {
    file: 'reporting-notice.txt',
    kind: 'a 通知 asking for reports: refused',
    expected: { kind: 'refused', says: ['通知'] },
  },
  {
    file: 'masked-words.txt',
    kind: 'words masked by the copying site ((略), *) kept and listed',
    expected: {
      kind: 'report',
      title: '赤城县人民政府2022年度法治政府建设情况报告',
      agency: '赤城县人民政府',
      year: 2022,
      published: null,
      source: null,
      tree: ['一、坚持党的领导,法治政府建设责任全面压实', '二、依法行政能力持续提升'],
      kept: ['连续多 (略) 依法行政工作先进单位', '县长***同志'],
      listed: ['(略)', '*'],
    },
  },
  {
    file: 'crlf-indents.txt',
    kind: 'CRLF line ends, U+3000 indents, blank lines, full-width punctuation',
    expected: {
      kind: 'report',
      title: '丹江市生态环境局2023年法治政府建设情况报告',
      agency: '丹江市生态环境局',
      year: 2023,
      published: '2024-03-26',
      source: '丹江市生态环境局',
      tree: [
        '一、主要工作和成效',
        '  (一)完善制度体系',
        '  (二)强化执法监督',
        '二、存在的问题和下一步打算',
      ],
    },
  },
  {
    file: 'traditional.txt',
    kind: 'traditional characters from a converted mirror, kept as written',
    expected: {
      kind: 'report',
      title: '雲山市人民政府關於2023年度法治政府建設情況的報告',
      agency: '雲山市人民政府',
      year: 2023,
      published: '2024-03-27',
      source: '雲山市人民政府辦公室',
      tree: [
        '一、2023年法治政府建設主要舉措和成效',
        '  (一)健全依法決策機制',
        '  (二)規範行政執法行為',
        '二、存在的不足和原因',
        '三、2024年工作安排',
      ],
      furniture: ['發布時間'],
    },
  },
  {
    file: 'time-label.txt',
    kind: '时间: as the only date label, among 作者 and 字号',
    expected: {
      kind: 'report',
      title: '宁海区教育局2023年度法治政府建设工作报告',
      agency: '宁海区教育局',
      year: 2023,
      published: '2024-02-28',
      source: null,
      tree: [
        '一、主要做法和成效',
        '  (一)推进依法治校',
        '  (二)加强法治教育',
        '二、存在的不足',
        '三、下一步工作打算',
      ],
      furniture: ['字号', '作者'],
    },
  },
  {
    file: 'publisher-short-form.txt',
    kind: 'a short-form 发布机构 (市人社局): the title names the agency, the short form is listed',
    expected: {
      kind: 'report',
      title: '金沙市人力资源和社会保障局2023年法治政府建设年度报告',
      agency: '金沙市人力资源和社会保障局',
      year: 2023,
      published: '2024-03-18',
      source: null,
      indexNumber: '1234-05/2024-0019',
      tree: [
        '一、主要举措和成效',
        '二、主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和下一步安排',
      ],
      listed: ['市人社局'],
    },
  },
  {
    file: 'long-first-sentence.txt',
    kind: 'a first sentence too long for a summary, and …… in the released text',
    expected: {
      kind: 'report',
      title: '江北区司法局2023年法治政府建设年度报告',
      agency: '江北区司法局',
      year: 2023,
      published: '2024-03-15',
      source: null,
      tree: ['一、主要举措和成效', '二、存在的不足', '三、下一年度工作安排'],
      kept: ['进社区……”系列活动'],
    },
  },
  {
    file: 'title-in-table-only.txt',
    kind: 'a table copied a cell a line, its 名称 the only title; a line of buttons',
    expected: {
      kind: 'report',
      title: '泉州市司法局2023年度法治政府建设情况报告',
      agency: '泉州市司法局',
      year: 2023,
      published: '2024-03-27',
      source: null,
      indexNumber: '11370500004345022D/2024-00517',
      tree: [
        '一、主要举措和成效',
        '  (一)统筹推进法治政府建设',
        '  (二)强化行政执法监督',
        '二、存在的不足',
        '三、2024年工作打算',
      ],
      furniture: ['索引号', '字体', '名称'],
      listed: ['字体'],
    },
  },
  {
    file: 'title-byline.txt',
    kind: 'a title naming no agency, a 会议 line and the agency under it',
    expected: {
      kind: 'report',
      title: '关于2023年度法治政府建设情况的报告',
      agency: '广元区人民政府',
      year: 2023,
      published: null,
      source: null,
      tree: [
        '一、2023年法治政府建设工作情况',
        '  (一)依法全面履行政府职能',
        '  (二)推进严格规范公正文明执法',
        '二、存在的问题',
        '三、2024年工作打算',
      ],
      kept: ['区人大常委会:', '现将我区2023年度法治政府建设情况报告如下'],
      listed: ['第十八届人民代表大会常务委员会', '广元区人民政府'],
    },
  },
  {
    file: 'news-article.txt',
    kind: 'a news item about a meeting on 法治政府建设: refused',
    expected: { kind: 'refused', says: ['新闻'] },
  },
  {
    file: 'spaced-labels.txt',
    kind: '信息公开 table with spaced labels (索 引 号, 标　　题), 生成日期; 上一篇/下一篇/责任编辑 after the 落款',
    expected: {
      kind: 'report',
      title: '江阳市人民政府关于2023年法治政府建设情况的报告',
      agency: '江阳市人民政府',
      year: 2023,
      published: '2024-03-28',
      source: null,
      indexNumber: '11320200014253109T/2024-00102',
      documentNumber: '江政发〔2024〕21号',
      tree: [
        '一、主要工作举措和成效',
        '  (一)健全依法决策机制',
        '  (二)深化行政执法改革',
        '二、存在的不足和原因',
        '三、2024年工作安排',
      ],
      furniture: ['索 引 号', '生成日期', '上一篇', '责任编辑', '关闭窗口'],
      listed: ['生成日期', '上一篇', '责任编辑'],
    },
  },
  {
    file: 'three-line-title.txt',
    kind: 'a title over three lines with a Chinese-numeral year and a 【全文】 tag; full-width digits',
    expected: {
      kind: 'report',
      title: '峨边彝族自治县人民政府关于二〇二三年度法治政府建设情况的报告',
      agency: '峨边彝族自治县人民政府',
      year: 2023,
      published: '2024-03-26',
      source: null,
      tree: ['一、2023年法治政府建设主要成效', '二、存在的不足', '三、下一步工作打算'],
      furniture: ['全文'],
      listed: ['第 3 行“【全文】”'],
    },
  },
  {
    file: 'tail-source.txt',
    kind: 're-posted on a news site: its own time under the title, 来源 and 责任编辑 at the end',
    expected: {
      kind: 'report',
      title: '海州市交通运输局2023年法治政府建设年度报告',
      agency: '海州市交通运输局',
      year: 2023,
      published: null,
      source: '海州市交通运输局网站',
      tree: [
        '一、主要举措和成效',
        '  (一)完善制度体系',
        '  (二)规范执法行为',
        '二、存在的不足',
        '三、2024年工作安排',
      ],
      furniture: ['明珠法治网', '08:31', '责任编辑', '分享'],
      listed: ['2024-03-29 08:31', '责任编辑'],
    },
  },
  {
    file: 'breadcrumb-slashes.txt',
    kind: 'a breadcrumb from 网站首页, the title with its list date on one line, 发布者',
    expected: {
      kind: 'report',
      title: '清河区2023年法治政府建设年度报告',
      agency: '清河区人民政府',
      year: 2023,
      published: null,
      source: '清河区人民政府办公室',
      tree: ['一、主要做法及成效', '二、存在的不足', '三、2024年工作安排'],
      kept: ['满意度>95%的事项占比提高'],
      furniture: ['网站首页', '2024-03-21'],
      listed: ['网站首页', '2024-03-21'],
    },
  },
  {
    file: 'fullwidth-digits.txt',
    kind: 'full-width digits: ２０２３年 in the title, １． subsections, and a list of one-sentence １． items',
    expected: {
      kind: 'report',
      title: '青石县农业农村局２０２３年度法治政府建设工作报告',
      agency: '青石县农业农村局',
      year: 2023,
      published: '2024-02-27',
      source: null,
      tree: [
        '一、主要举措和成效',
        '  １．加强组织领导',
        '  ２．规范执法行为',
        '二、存在的不足',
        '三、２０２４年工作安排',
      ],
      kept: ['１．执法装备保障不足。', '２．执法人员专业能力有待提升。'],
      listed: ['一句一项的列表'],
    },
  },
  {
    file: 'truncated-after-heading.txt',
    kind: 'an opening that stops right after a heading: the empty heading is named, not written',
    expected: {
      kind: 'report',
      title: '松江区市场监督管理局2024年法治政府建设情况报告',
      agency: '松江区市场监督管理局',
      year: 2024,
      published: '2025-03-10',
      source: null,
      tree: ['一、主要举措和成效', '  (一)强化法治引领'],
      listed: ['(二)规范执法行为', '原文到此为止'],
    },
  },
  {
    file: 'no-year-in-title.txt',
    kind: 'a title naming no year: the year from the opening 2023年, with a note',
    expected: {
      kind: 'report',
      title: '石门县司法局法治政府建设年度报告',
      agency: '石门县司法局',
      year: 2023,
      published: '2024-03-18',
      source: null,
      tree: ['一、主要举措和成效', '二、存在的不足和原因', '三、2024年工作安排'],
      listed: ['标题中没有年份', '--year'],
    },
  },
];

/** The four public samples (tests/fixtures/import/samples/README.md says what each must give). */
export const SAMPLE_CASES: ImportCase[] = [
  {
    file: '04-zhaoxian-county-2022.txt',
    kind: 'county, title split over two lines, (略) marks',
    expected: {
      kind: 'report',
      title: '赵县人民政府2022年度法治政府建设情况报告',
      agency: '赵县人民政府',
      shortName: '赵县人民政府',
      year: 2022,
      published: null,
      source: null,
      tree: ['一、坚持以法治思想为统领,党对法治政府建设的领导更加坚强有力'],
      kept: ['连续多 (略) 依法行政工作先进单位', '一是全面加强领导。', '二是压实法治责任。'],
      listed: ['(略)'],
    },
  },
  {
    file: '08-chongqing-amr-2025.txt',
    kind: 'municipal bureau, stray first line, 索引号 table printed twice',
    expected: {
      kind: 'report',
      title: '重庆市市场监督管理局关于2025年法治政府建设情况的报告',
      agency: '重庆市市场监督管理局',
      year: 2025,
      published: '2026-02-25',
      source: null,
      indexNumber: '11500000MB17643950/2026-00028',
      documentNumber: null,
      tree: ['一、2025年工作举措及成效', '  (一)聚焦党建统领,加强党对法治建设的全面领导'],
      kept: [
        '1.持续把学习宣传贯彻习近平法治思想作为重大政治任务。',
        '2.严格落实党政主要负责人履行推进法治建设第一责任人职责。',
        '3.抓住“关键少数”刚性落实学法用法制度。',
      ],
      furniture: ['各区县局', '索引号', '成文日期', '|'],
      listed: ['各区县局', '市市场监管局'],
    },
  },
  {
    file: '10-ministry-of-justice-2024.txt',
    kind: 'ministry, re-posted on a news site, 转自',
    expected: {
      kind: 'report',
      title: '司法部2024年法治政府建设年度报告',
      agency: '司法部',
      year: 2024,
      published: null,
      source: '司法部',
      tree: ['一、坚持党对法治政府建设的全面领导'],
      kept: ['持续强化政治建设。深入学习贯彻党的二十届三中全会精神', '压紧压实主体责任。'],
      furniture: ['转自', '中意资讯网', '当前位置'],
      listed: ['转自', '中意资讯网'],
    },
  },
  {
    file: '14-not-a-report-policy-interpretation.txt',
    kind: 'a 政策解读 page about a report',
    expected: {
      kind: 'refused',
      says: ['政策解读', '《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》'],
    },
  },
];

export type Form = 'text' | 'full-width' | 'all-wide' | 'docx' | 'docx-numbered';
export const FORMS: readonly Form[] = ['text', 'full-width', 'all-wide', 'docx', 'docx-numbered'];

/**
 * A copy as a portal shows it: full-width punctuation (a colon or comma between digits, as in a
 * time or a figure, stays), two U+3000 indents on body lines, CRLF line ends.
 */
export function toFullWidth(text: string): string {
  const FULL: Record<string, string> = {
    ',': '，',
    ':': '：',
    ';': '；',
    '(': '（',
    ')': '）',
    '?': '？',
    '!': '！',
  };
  return text
    .split(/\r?\n/)
    .map((line) => {
      if (line.startsWith('|') || line.includes('\t')) return line;
      const converted = line.replace(/[,:;()?!]/g, (char, offset: number) => {
        const before = line[offset - 1] ?? '';
        const after = line[offset + 1] ?? '';
        if ((char === ':' || char === ',') && /[0-9]/.test(before) && /[0-9]/.test(after))
          return char;
        if (char === ':' && after === '/') return char;
        return FULL[char]!;
      });
      const trimmed = converted.replace(/^[\s\u3000]+/, '');
      return trimmed.length > 40 ? `\u3000\u3000${trimmed}` : converted;
    })
    .join('\r\n');
}

/**
 * A copy whose every ASCII character was widened (digits, letters, pipes and brackets too), as
 * some re-posting sites and converters leave it, with U+3000 for spaces.
 */
export function toAllWide(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
        .replace(/ /g, '\u3000'),
    )
    .join('\r\n');
}

const PART = /^[\s\u3000]*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;
const NUMBERED_PART = /^[\s\u3000]*[一二三四五六七八九十]+、/;
const SUBSECTION = /^[\s\u3000]*[(（][一二三四五六七八九十]+[)）]/;

/**
 * A Word file holding the text: pipe rows as a table, parts in Word's Heading 1 style (mammoth
 * reads them as headings), subsections bold, the first line centred, the rest plain paragraphs.
 * `numbered`: the 一、 and （一） of headings are drawn by a Word numbering style (Chinese
 * counting), not typed, as in Word files made from an agency's template.
 */
export async function toDocx(text: string, numbered = false): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flushTable = () => {
    if (!rows.length) return;
    const width = Math.max(...rows.map((row) => row.length));
    children.push(
      new Table({
        rows: rows.map(
          (row) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: [new Paragraph(row[i] ?? '')] }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.startsWith('|')) {
      rows.push(
        line
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim()),
      );
      return;
    }
    flushTable();
    if (line.trim() === '') return;
    if (index === 0)
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: line, bold: true })],
        }),
      );
    else if (numbered && NUMBERED_PART.test(line))
      children.push(
        new Paragraph({
          text: line.replace(NUMBERED_PART, ''),
          heading: HeadingLevel.HEADING_1,
          numbering: { reference: 'headings', level: 0 },
        }),
      );
    else if (numbered && SUBSECTION.test(line))
      children.push(
        new Paragraph({
          children: [new TextRun({ text: line.replace(SUBSECTION, ''), bold: true })],
          numbering: { reference: 'headings', level: 1 },
        }),
      );
    else if (PART.test(line))
      children.push(new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }));
    else if (SUBSECTION.test(line) && line.length < 40)
      children.push(new Paragraph({ children: [new TextRun({ text: line, bold: true })] }));
    else children.push(new Paragraph(line));
  });
  flushTable();
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'headings',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The importer's modules, from this checkout or from an older one (npm run bench:import). */
export interface ImporterModules {
  blocksFromTextFile: (
    bytes: Uint8Array,
    format: 'txt' | 'md',
  ) => { blocks: unknown[] } | undefined;
  readDocx: (bytes: Uint8Array) => Promise<{ blocks: unknown[] }>;
  parseReport: (blocks: never[], options?: { unit?: '行' | '段' }) => unknown;
  planImport: (report: never, options: never) => PlanLike;
  formatImportSummary: (input: never) => string;
}

type PlanLike =
  | {
      ok: true;
      plan: {
        data: Record<string, unknown>;
        preamble: string[];
        sections: SectionLike[];
        draft: boolean;
      };
    }
  | { ok: false; problems: string[]; issues: unknown[]; [key: string]: unknown };

interface SectionLike {
  numbering: string;
  title: string;
  parent?: string;
  paragraphs: string[];
}

/** What one import gave, in the terms the expectations use. */
export interface Outcome {
  ok: boolean;
  /** Everything a refusal said. */
  refusal: string;
  data?: Record<string, unknown>;
  draft?: boolean;
  tree?: string[];
  /** Preamble and section bodies as text. */
  texts?: string[];
  /** The summary the command prints. */
  printed?: string;
}

export async function blocksOf(
  modules: ImporterModules,
  bytes: Uint8Array,
  form: Form,
): Promise<{ blocks: unknown[]; unit: '行' | '段' }> {
  const text = new TextDecoder().decode(bytes);
  if (form === 'docx' || form === 'docx-numbered')
    return {
      blocks: (await modules.readDocx(await toDocx(text, form === 'docx-numbered'))).blocks,
      unit: '段',
    };
  const input =
    form === 'full-width'
      ? new TextEncoder().encode(toFullWidth(text))
      : form === 'all-wide'
        ? new TextEncoder().encode(toAllWide(text))
        : bytes;
  return { blocks: modules.blocksFromTextFile(input, 'txt')!.blocks, unit: '行' };
}

/** Imports one case in one form with the given modules; never throws. */
export async function runCase(
  modules: ImporterModules,
  folder: string,
  entry: ImportCase,
  form: Form,
  options: Record<string, string> = {},
): Promise<Outcome> {
  try {
    const bytes = new Uint8Array(readFileSync(path.join(folder, entry.file)));
    const { blocks, unit } = await blocksOf(modules, bytes, form);
    const report = modules.parseReport(blocks as never[], { unit });
    const result = modules.planImport(
      report as never,
      {
        agencyId: 'test-agency',
        inputName: entry.file,
        outDir: 'content/reports',
        ...options,
      } as never,
    );
    if (!result.ok) return { ok: false, refusal: JSON.stringify(result) };
    const { plan } = result;
    const printed = modules.formatImportSummary({
      file: entry.file,
      report,
      plan,
      outDir: 'content/reports',
      written: false,
    } as never);
    return {
      ok: true,
      refusal: '',
      data: plan.data,
      draft: plan.draft,
      tree: plan.sections.map((s) => `${s.parent ? '  ' : ''}${s.numbering}${s.title}`),
      texts: [...plan.preamble, ...plan.sections.flatMap((s) => s.paragraphs)].map(plainText),
      printed,
    };
  } catch (error) {
    return { ok: false, refusal: `threw: ${String(error)}` };
  }
}

const plainText = (markdown: string) => markdown.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

/** Punctuation width, indents and line-end differences set aside. */
export function fold(text: string): string {
  // Full-width ASCII (U+FF01–U+FF5E) to ASCII; spaces out.
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[ \u3000]/g, '');
}

/** Everything wrong with an outcome; empty when the import is fully right. */
export function judge(expected: Expected, outcome: Outcome, optioned?: Outcome): string[] {
  if (expected.kind === 'refused') {
    if (outcome.ok) return ['imported instead of refused'];
    // Refused as not a report, not for a missing field whose message happens to quote the title.
    if (!outcome.refusal.includes('"notAReport"'))
      return [`refused, but not as a text that is not a report: ${outcome.refusal.slice(0, 300)}`];
    return expected.says
      .filter((words) => !fold(outcome.refusal).includes(fold(words)))
      .map((words) => `refusal does not say ${words}: ${outcome.refusal.slice(0, 300)}`);
  }
  if (expected.kind === 'needs') {
    const problems: string[] = [];
    if (outcome.ok) problems.push('imported without the option it needs');
    else
      for (const words of expected.says)
        if (!outcome.refusal.includes(words)) problems.push(`refusal does not name ${words}`);
    if (!optioned) return [...problems, 'not imported with the option'];
    return [...problems, ...judgeReport(expected.then, optioned)];
  }
  return judgeReport(expected, outcome);
}

function judgeReport(expected: ExpectedReport, outcome: Outcome): string[] {
  if (!outcome.ok || !outcome.data) return [`refused: ${outcome.refusal.slice(0, 400)}`];
  const problems: string[] = [];
  const data = outcome.data as {
    title: string;
    agency: { name: string; shortName: string };
    year: number;
    published?: string;
    summary: string;
    source?: string;
    indexNumber?: string;
    documentNumber?: string;
  };
  const same = (field: string, found: unknown, wanted: unknown) => {
    const f = typeof found === 'string' ? fold(found) : found;
    const w = typeof wanted === 'string' ? fold(wanted) : wanted;
    if (f !== w)
      problems.push(`${field}: ${JSON.stringify(found)}, expected ${JSON.stringify(wanted)}`);
  };
  same('title', data.title, expected.title);
  same('agency.name', data.agency.name, expected.agency);
  if (expected.shortName !== undefined)
    same('agency.shortName', data.agency.shortName, expected.shortName);
  same('year', data.year, expected.year);
  same('published', data.published, expected.published ?? undefined);
  if (expected.published === null && !outcome.draft) problems.push('not a draft without a date');
  same('source', data.source, expected.source ?? undefined);
  if (expected.indexNumber !== undefined)
    same('indexNumber', data.indexNumber, expected.indexNumber ?? undefined);
  if (expected.documentNumber !== undefined)
    same('documentNumber', data.documentNumber, expected.documentNumber ?? undefined);
  const tree = (outcome.tree ?? []).map(fold);
  const wanted = expected.tree.map(fold);
  if (JSON.stringify(tree) !== JSON.stringify(wanted))
    problems.push(`tree:\n    ${tree.join('\n    ')}\n  expected:\n    ${wanted.join('\n    ')}`);
  const texts = (outcome.texts ?? []).map(fold);
  for (const words of expected.kept ?? [])
    if (!texts.some((text) => text.includes(fold(words)))) problems.push(`text not kept: ${words}`);
  const written = [...texts, fold(data.summary), fold(data.title)];
  for (const words of expected.furniture ?? [])
    if (written.some((text) => text.includes(fold(words))))
      problems.push(`page furniture written: ${words}`);
  const placeholder = PLACEHOLDERS.find((each) => data.summary.includes(each));
  if (placeholder) problems.push(`summary holds the placeholder ${placeholder}: ${data.summary}`);
  if (/^(转自|来源|转载)/.test(data.summary))
    problems.push(`summary is furniture: ${data.summary}`);
  const printed = fold(outcome.printed ?? '');
  for (const words of expected.listed ?? [])
    if (!printed.includes(fold(words))) problems.push(`output does not list ${words}`);
  return problems;
}

/** Every case of a folder in every form: the problems of each (empty: fully right). */
export async function judgeAll(
  modules: ImporterModules,
  folder: string,
  cases: readonly ImportCase[],
): Promise<{ entry: ImportCase; form: Form; problems: string[] }[]> {
  const results: { entry: ImportCase; form: Form; problems: string[] }[] = [];
  for (const entry of cases)
    for (const form of FORMS) {
      const outcome = await runCase(modules, folder, entry, form);
      const optioned =
        entry.expected.kind === 'needs'
          ? await runCase(modules, folder, entry, form, entry.expected.options)
          : undefined;
      results.push({ entry, form, problems: judge(entry.expected, outcome, optioned) });
    }
  return results;
}
