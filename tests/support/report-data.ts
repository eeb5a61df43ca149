import type { ReportData } from '../../src/schemas/report.ts';

/** Valid metadata of the 2023 report, for unit tests to vary one field at a time. */
export const REPORT_2023: ReportData = {
  draft: false,
  title: '嘉定公安分局2023年法治政府建设情况',
  agency: { name: '上海市公安局嘉定分局', shortName: '嘉定公安分局', id: 'jiading-police' },
  year: 2023,
  published: '2024-03-22',
  signature: { body: '上海市公安局嘉定分局', date: '2024-03-22' },
  summary: '摘要。',
  figures: [],
};
