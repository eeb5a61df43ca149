import type { Indicator } from '../../schemas/indicator.ts';
import type { ReportInput, SectionInput } from '../content/checks.ts';
import type { ContentIssue } from '../content/errors.ts';
import { nearestName } from '../content/errors.ts';
import { statesValue } from './locate.ts';
import { formatValue, statedValues } from './values.ts';

const lineAt = (report: ReportInput, index: number, field: string) => {
  const line =
    report.lines?.[`figures.${index}.${field}`] ?? report.lines?.[`figures.${index}`] ?? undefined;
  return line ? { line } : {};
};

/**
 * A report's `figures` against the indicators and its own text: each names a known indicator
 * and an existing section, once per report, and that section's text states the value in the
 * indicator's unit (the forms of src/lib/figures/values.ts). `indicators` undefined means the
 * indicator file itself failed, whose own problems are reported instead.
 */
export function checkFigures(
  reports: readonly ReportInput[],
  sections: readonly SectionInput[],
  indicators: readonly Indicator[] | undefined,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map(indicators?.map((indicator) => [indicator.id, indicator]));
  const sectionsByFolder = Map.groupBy(sections, (section) => section.folder);
  for (const report of reports) {
    const figures = report.data.figures ?? [];
    if (!figures.length) continue;
    const own = new Map(
      (sectionsByFolder.get(report.folder) ?? []).map((section) => [section.data.id, section]),
    );
    const seen = new Map<string, number>();
    figures.forEach((figure, i) => {
      const field = (name: string) => `figures（第 ${i + 1} 项）.${name}`;
      const indicator = byId.get(figure.indicator);
      const earlier = seen.get(figure.indicator);
      if (earlier !== undefined)
        issues.push({
          file: report.file,
          ...lineAt(report, i, 'indicator'),
          field: field('indicator'),
          found: `指标 ${figure.indicator} 已在第 ${earlier + 1} 项中填写`,
          expected: '同一报告中每个指标只写一次；请删除重复的一项，或改为另一个指标',
        });
      else seen.set(figure.indicator, i);
      if (indicators && !indicator) {
        const near = nearestName(figure.indicator, [...byId.keys()]);
        issues.push({
          file: report.file,
          ...lineAt(report, i, 'indicator'),
          field: field('indicator'),
          found: `不认识的指标 ${figure.indicator}`,
          expected: near
            ? `是不是 ${near}（${byId.get(near)!.name}）？请改为 ${near}；新的指标先加入 content/indicators.yml`
            : `content/indicators.yml 中的某个指标 id（如 ${[...byId.keys()].slice(0, 3).join('、')}），或先把新指标加入该文件`,
        });
      }
      const section = own.get(figure.section);
      if (!section) {
        const near = nearestName(figure.section, [...own.keys()]);
        issues.push({
          file: report.file,
          ...lineAt(report, i, 'section'),
          field: field('section'),
          found: `本报告没有 id 为 ${figure.section} 的章节`,
          expected: near
            ? `是不是 ${near}？请写陈述这一数值的章节 id`
            : `本报告某一章节的 id（${[...own.keys()].join('、')}），即陈述这一数值的章节`,
        });
        return;
      }
      if (!indicator || !section.body) return;
      const texts = section.body.texts;
      if (statesValue(texts, figure.value, indicator.unit)) return;
      const written = [
        ...new Set(
          texts.flatMap((text) =>
            statedValues(text, indicator.unit).map((stated) =>
              formatValue(stated.value, indicator.unit),
            ),
          ),
        ),
      ].slice(0, 5);
      issues.push({
        file: report.file,
        ...lineAt(report, i, 'value'),
        field: field('value'),
        found: `${section.file} 的正文中没有写明“${formatValue(figure.value, indicator.unit)}”${
          written.length
            ? `（该节以“${indicator.unit}”为单位写明的数值有：${written.join('、')}）`
            : ''
        }`,
        expected: `该节正文写明的数值，单位为“${indicator.unit}”，写法如 ${examples(indicator.unit)}（见内容编写指南“关键数据”）；请核对 value 或 section`,
      });
    });
  }
  return issues;
}

function examples(unit: string): string {
  return unit === '%' ? '98.5%、98.5％、百分之百' : `36${unit}、36 ${unit}、三十六${unit}`;
}
