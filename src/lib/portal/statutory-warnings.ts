import { formatChineseDate } from '../content/dates.ts';
import type { StatutoryFacts } from '../content/statutory.ts';

/**
 * What a publisher is told about a report against the statutory rule at build time: a late
 * publication date and the items no part covers. Warnings only: the report is still built, and
 * the wording states facts, as the report page does.
 */
export function statutoryWarnings(file: string, facts: StatutoryFacts): string[] {
  const lines: string[] = [];
  if (!facts.onTime)
    lines.push(
      `${file}：发布日期 ${formatChineseDate(facts.published)} 在公开时限 ${formatChineseDate(facts.deadline)} 之后。`,
    );
  if (facts.missing.length)
    lines.push(
      `${file}：没有顶级部分的 item 为 ${facts.missing.join('、')}（规定的五项内容见 content/README.md“十、法定要求对照”）。`,
    );
  return lines;
}
