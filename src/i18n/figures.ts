import { formatValue } from '../lib/figures/values.ts';

/**
 * Key figures: the report page's list, the charts on agency, year and /data/ pages, the
 * downloads, and the search answer (which the search script bundles from here).
 */
export const figuresUi = {
  'figures.heading': '关键数据',
  'figures.agencyIntro': '本机关在两个及以上年度报告中写明的数据，按年度排列。点击数值查看原文。',
  'figures.yearIntro': '本年度各机关报告中写明的数据，按数值从大到小排列。点击数值查看原文。',
  'figures.value': (value: number, unit: string, approx: boolean) =>
    formatValue(value, unit, approx),
  'figures.valueNote': '“余”表示原文写作“××余”，数值为下限。',
  'figures.tableYear': '年度',
  'figures.tableAgency': '机关',
  'figures.tableValue': '数值',
  'figures.chartAlt': (items: string) => `${items}。`,
  'figures.yearLabel': (year: number) => `${year}年`,
  'data.title': '关键数据',
  'data.description':
    '各机关法治政府建设年度报告中写明的关键数据：按指标、机关和年度汇总，可下载。',
  'data.intro':
    '数据均摘自报告正文，每个数值都链接到写明它的段落；以正文为准。下表列出本站的全部指标及报告它们的机关数和年度数。',
  'data.indicator': '指标',
  'data.unit': '单位',
  'data.definition': '口径',
  'data.agencies': '机关数',
  'data.years': '年度数',
  'data.downloads': '下载',
  'data.downloadAll': '全部数据',
  'data.csv': 'CSV（Excel 可直接打开）',
  'data.json': 'JSON',
  'data.indicatorCsv': (name: string) => `${name}（CSV）`,
  'data.noFigures': '尚无报告写明此项数据。',
  'data.indicatorTitle': (name: string) => `${name}：各机关历年数据`,
  'data.indicatorDescription': (name: string) =>
    `各机关法治政府建设年度报告中的“${name}”数据，按年度和机关列出，可下载。`,
  'data.matrixCaption': (name: string) => `${name}：各机关历年数值（点击数值查看原文）`,
  'data.earlierCharts': '往年各机关对比图：',
  'data.yearChart': (year: number, name: string) => `${year}年度${name}：各机关对比`,
  'data.agencyChart': (agency: string, name: string) => `${agency}历年${name}`,
  'data.synonyms': '又称',
} as const;
