import { type IndicatorWording, sentenceAt, wordings } from '../figures/locate.ts';
import { formatValue, statedValues } from '../figures/values.ts';

/**
 * Key figures the importer recognises in a release: a known indicator's name or synonym, then,
 * in the same sentence and close after it, a number in the indicator's unit (行政复议案件36件).
 * They are proposed, never published: report.md gets them as a commented-out `figures` block
 * marked 请核对, for the editor to confirm against the text and uncomment.
 */

/** How far after the indicator's wording its number may stand, in characters. */
const NEAR = 24;

export interface ProposedFigure {
  indicator: string;
  /** The indicator's name and the value as the text writes it, for the editor. */
  name: string;
  written: string;
  value: number;
  section: string;
  sentence: string;
}

/**
 * The first figure of each indicator that the sections' text states, in reading order. At most
 * one per indicator, as in a report's `figures` list.
 */
export function proposeFigures(
  sections: readonly { id: string; paragraphs: readonly string[] }[],
  indicators: readonly (IndicatorWording & { id: string })[],
): ProposedFigure[] {
  const found = new Map<string, ProposedFigure & { at: number }>();
  let offset = 0;
  for (const section of sections)
    for (const text of section.paragraphs) {
      for (const indicator of indicators) {
        if (found.has(indicator.id)) continue;
        const stated = statedValues(text, indicator.unit);
        for (const wording of wordings(indicator)) {
          let from = text.indexOf(wording);
          let hit: (typeof stated)[number] | undefined;
          while (from !== -1 && !hit) {
            const end = from + wording.length;
            hit = stated.find(
              (value) =>
                value.start >= end &&
                value.start - end <= NEAR &&
                !/[。；;！？!?]/.test(text.slice(end, value.start)),
            );
            from = text.indexOf(wording, end);
          }
          if (!hit) continue;
          found.set(indicator.id, {
            indicator: indicator.id,
            name: indicator.name,
            written: formatValue(hit.value, indicator.unit, hit.approx),
            value: hit.value,
            section: section.id,
            sentence: sentenceAt(text, hit.start),
            at: offset + hit.start,
          });
          break;
        }
      }
      offset += text.length + 1;
    }
  return [...found.values()].sort((a, b) => a.at - b.at).map(({ at: _at, ...figure }) => figure);
}

/** The commented-out block for report.md's frontmatter (YAML comments), or '' for none. */
export function proposedFiguresBlock(figures: readonly ProposedFigure[]): string {
  if (!figures.length) return '';
  return [
    '# 请核对：以下关键数据由导入工具从正文中识别，尚未发布。逐项对照原文核对指标、数值和章节，',
    '# 确认无误后删去这些行开头的“# ”（figures: 顶格），不需要的项整项删除。见内容编写指南“关键数据”。',
    '# figures:',
    ...figures.flatMap((figure) => [
      `#   - indicator: ${figure.indicator} # ${figure.name} ${figure.written}`,
      `#     value: ${figure.value}`,
      `#     section: ${figure.section}`,
    ]),
  ]
    .map((line) => `${line}\n`)
    .join('');
}

/** report.md with `block` added at the end of its frontmatter (before the closing ---). */
export function withProposedFigures(reportMd: string, block: string): string {
  if (!block) return reportMd;
  const close = reportMd.indexOf('\n---\n', 3);
  if (close === -1) return reportMd;
  return `${reportMd.slice(0, close + 1)}${block}${reportMd.slice(close + 1)}`;
}

/** The importer's lines about them, in Chinese. */
export function proposedFiguresSummary(figures: readonly ProposedFigure[]): string {
  if (!figures.length) return '';
  return [
    `识别到 ${figures.length} 项关键数据，已作为注释写入 report.md（标有“请核对”，核对后取消注释才会发布）：`,
    ...figures.map(
      (figure) => `  ${figure.name} ${figure.written}（${figure.section}）：${figure.sentence}`,
    ),
  ].join('\n');
}
