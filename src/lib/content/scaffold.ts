import type { ReportData } from '../../schemas/report.ts';
import type { SectionData } from '../../schemas/section.ts';
import { SCAFFOLD_PLACEHOLDER } from './review.ts';

/** One file of a scaffolded report folder. */
export interface ScaffoldFile {
  name: string;
  text: string;
}

/** A YAML scalar: plain when it reads back as the same string, double-quoted otherwise. */
function scalar(value: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9][^#]*$/.test(value) &&
    !/:\s|\s$|^(?:true|false|null|yes|no|on|off|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Carries a year in a heading over to the next report: 2023年 → 2024年, 2024年 → 2025年. */
export function shiftYears(text: string, from: number, to: number): string {
  const offset = to - from;
  return text.replace(/(?<![0-9])(\d{4})(?=年)/g, (year) =>
    Number(year) === from || Number(year) === from + 1 ? String(Number(year) + offset) : year,
  );
}

/**
 * Next year's report, started from the agency's latest one: the same names, the same parts (with
 * their numbering and statutory items), empty bodies, and a draft so that nothing is published
 * before it is finished. Dates are set to the statutory deadline's eve and marked 待补充 in a
 * comment; the summary is the scaffold placeholder, so a normal build refuses it until written.
 */
export function scaffoldReport(
  previous: { data: ReportData; sections: readonly { data: SectionData }[] },
  year: number,
): ScaffoldFile[] {
  const { data } = previous;
  const date = `${year + 1}-03-31`;
  const report = [
    '---',
    `title: ${scalar(shiftYears(data.title, data.year, year))}`,
    'agency:',
    `  name: ${scalar(data.agency.name)}`,
    `  shortName: ${scalar(data.agency.shortName)}`,
    `  id: ${data.agency.id}`,
    `year: ${year}`,
    `published: ${date} # ${SCAFFOLD_PLACEHOLDER}：按实际发布日期填写（应在 ${year + 1}-04-01 前公开）`,
    'signature:',
    `  body: ${scalar(data.signature?.body ?? data.agency.name)}`,
    `  date: ${date} # ${SCAFFOLD_PLACEHOLDER}：按落款日期填写`,
    `summary: ${SCAFFOLD_PLACEHOLDER}`,
    '# 草稿：只在 npm run dev 和 npm run build -- --drafts 中显示。写完、核对后删除下面这一行再正式生成。',
    'draft: true',
    '---',
    '',
    '',
  ].join('\n');
  const parts = previous.sections
    .filter((section) => section.data.parent === undefined)
    .sort((a, b) => a.data.order - b.data.order);
  return [
    { name: 'report.md', text: report },
    ...parts.map(({ data: part }) => ({
      name: `${part.id}.md`,
      text: [
        '---',
        `id: ${part.id}`,
        `numbering: ${scalar(part.numbering)}`,
        `title: ${scalar(shiftYears(part.title, data.year, year))}`,
        `order: ${part.order}`,
        ...(part.item ? [`item: ${part.item}`] : []),
        '---',
        '',
        '',
      ].join('\n'),
    })),
  ];
}
