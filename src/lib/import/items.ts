import type { StatutoryItem } from '../../schemas/section.ts';

/** A statutory item guessed from a part's title, with the words that led to it. */
export interface ItemGuess {
  item: StatutoryItem;
  /** The words of the title the guess rests on, or undefined when nothing matched. */
  basis?: string;
}

// Checked in order: 第一责任人 titles also say 履行, and 问题和下一步 titles are about 不足 first.
const RULES: readonly [StatutoryItem, RegExp][] = [
  ['第一责任人职责', /第一责任人|主要负责人|党政主要负责|履行推进法治建设/],
  ['存在的不足和原因', /不足|问题|短板|差距|薄弱/],
  ['下一年度主要安排', /下一步|下步|下一年|下年度|打算|安排|计划|思路|展望/],
  ['主要举措和成效', /成效|举措|主要工作|工作情况|做法|进展|完成情况|推进情况|成绩|亮点|主要措施/],
];

/**
 * Guesses which statutory item (《法治政府建设与责任落实督察工作规定》第二十五条) a part covers from
 * its title: a title naming the year after the report's (2024年工作安排) is the next year's plan.
 * A guess is only a guess: the importer marks it for the editor to check.
 */
export function guessItem(title: string, year: number | undefined): ItemGuess {
  for (const [item, pattern] of RULES) {
    const match = pattern.exec(title);
    if (match) return { item, basis: match[0] };
  }
  if (year !== undefined && title.includes(`${year + 1}年`))
    return { item: '下一年度主要安排', basis: `${year + 1}年` };
  return { item: '其他' };
}
