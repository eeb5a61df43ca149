import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui.ts';
import { paragraphPlan } from '../data/editions.ts';
import { aliasParagraphId, PARAGRAPH_ID } from '../lib/addresses/ids.ts';
import { formatChineseDate } from '../lib/content/dates.ts';
import { plainText } from '../lib/editions/plain.ts';
import { givenIds } from './rehype-paragraph-ids.ts';

/**
 * Runs after rehype-paragraph-ids. Each paragraph gets a link to itself, at its end: a plain
 * anchor without JavaScript, a copy-link control with it (src/scripts/permalinks.ts). The
 * pilcrow comes from CSS, so the paragraph's text, its search index entry and a reader's
 * copied selection stay the published wording. A section with former ids (frontmatter
 * `aliases`) also keeps each paragraph's former id, on an empty element at its start.
 * A paragraph a correction reworded is followed by a note saying when, with the wording before
 * in a <details> (one tap, no JavaScript); it holds no paragraph id, so neither the search
 * index nor the open data take its text.
 */
export default function rehypeParagraphLinks() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
    const aliases = astro?.frontmatter?.['aliases'];
    const formerIds = Array.isArray(aliases)
      ? aliases.filter((alias): alias is string => typeof alias === 'string')
      : [];
    const plan = givenIds(file) ? undefined : paragraphPlan(file.path);
    const children: Root['children'] = [];
    for (const node of tree.children) {
      children.push(node);
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = node.properties['id'];
      if (typeof id !== 'string' || !PARAGRAPH_ID.test(id)) continue;
      const aliasSpans: Element[] = formerIds.map((alias) => ({
        type: 'element',
        tagName: 'span',
        properties: { id: aliasParagraphId(alias, id)!, className: ['id-alias'], dataAliasOf: id },
        children: [],
      }));
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['paragraph-anchor'],
          href: `#${id}`,
          ariaLabel: t('permalink.paragraph'),
        },
        children: [],
      };
      node.children = [...aliasSpans, ...node.children, link];
      const history = plan?.changed.get(id);
      if (history) children.push(historyNote(id, history.corrections));
    }
    tree.children = children;
  };
}

const text = (value: string) => ({ type: 'text' as const, value });
const element = (
  tagName: string,
  properties: Element['properties'],
  children: Element['children'],
): Element => ({ type: 'element', tagName, properties, children });

/** 此段已于 X 更正, and the wording before each correction one tap away. */
function historyNote(id: string, corrections: { date: string; before: string }[]): Element {
  const last = corrections.at(-1)!;
  return element('details', { className: ['paragraph-history'], dataHistoryOf: id }, [
    element('summary', {}, [text(t('edition.paragraphCorrected')(formatChineseDate(last.date)))]),
    ...corrections.map((correction) =>
      element('div', { className: ['paragraph-before'] }, [
        element('span', { className: ['paragraph-before-label'] }, [
          text(t('edition.paragraphBefore')(formatChineseDate(correction.date))),
        ]),
        text(plainText(correction.before)),
      ]),
    ),
  ]);
}
