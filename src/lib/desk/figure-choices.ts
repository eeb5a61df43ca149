import type { ProposedFigure } from '../import/figures.ts';
import type { FormValues } from './report-form.ts';

/**
 * Key figures the importer proposed (a commented-out `figures` block marked 请核对), confirmed
 * or dropped one by one in the desk's form. A confirmed figure joins the report's real `figures`
 * list; a dropped one leaves the block; an undecided one stays proposed.
 */

/** Form field of proposed figure `index`: confirm, drop, or anything else for undecided. */
export const figureField = (index: number) => `figure.${index}`;

export type FigureChoice = 'confirm' | 'drop' | 'keep';

/**
 * The proposals of report.md's commented-out block, as proposedFiguresBlock writes them. The
 * sentence is not in the block and is left empty.
 */
export function readProposedFigures(reportMd: string): ProposedFigure[] {
  const close = reportMd.indexOf('\n---\n', 3);
  const head = close === -1 ? '' : reportMd.slice(0, close);
  const start = head.indexOf('\n# figures:\n');
  if (start === -1) return [];
  const figures: ProposedFigure[] = [];
  for (const line of head.slice(start + '\n# figures:\n'.length).split('\n')) {
    const entry = /^# {3}- indicator: (\S+)(?: # (\S+) (.+))?$/.exec(line);
    const field = /^# {5}(value|section): (\S+)$/.exec(line);
    if (entry) {
      figures.push({
        indicator: entry[1]!,
        name: entry[2] ?? entry[1]!,
        written: entry[3] ?? '',
        value: Number.NaN,
        section: '',
        sentence: '',
      });
    } else if (field && figures.length) {
      const last = figures[figures.length - 1]!;
      if (field[1] === 'value') last.value = Number(field[2]);
      else last.section = field[2]!;
    } else break;
  }
  return figures.filter((figure) => Number.isFinite(figure.value) && figure.section);
}

/**
 * The report's values with the confirmed figures added to its `figures` list (replacing an
 * entry of the same indicator, as the list holds one per indicator), and the proposals left
 * undecided.
 */
export function applyFigureChoices(
  data: Record<string, unknown>,
  proposed: readonly ProposedFigure[],
  form: FormValues,
): { data: Record<string, unknown>; proposed: ProposedFigure[] } {
  const choice = (index: number): FigureChoice => {
    const value = form(figureField(index));
    return value === 'confirm' || value === 'drop' ? value : 'keep';
  };
  const confirmed = proposed.filter((_, index) => choice(index) === 'confirm');
  const left = proposed.filter((_, index) => choice(index) === 'keep');
  if (!confirmed.length) return { data, proposed: left };
  const current = Array.isArray(data['figures'])
    ? (data['figures'] as { indicator?: unknown }[])
    : [];
  const chosen = new Set(confirmed.map((figure) => figure.indicator));
  const figures = [
    ...current.filter((entry) => !chosen.has(String(entry.indicator))),
    ...confirmed.map(({ indicator, value, section }) => ({ indicator, value, section })),
  ];
  const next: Record<string, unknown> = {};
  // Before draft, which the importer writes last.
  for (const [key, value] of Object.entries(data)) if (key !== 'draft') next[key] = value;
  next['figures'] = figures;
  if ('draft' in data) next['draft'] = data['draft'];
  return { data: next, proposed: left };
}
