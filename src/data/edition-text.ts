import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { displayNumbering, joinHeading } from '../lib/content/numbering.ts';
import { toFullWidthPunctuation } from '../lib/content/punctuation.ts';
import { editionTexts } from '../lib/editions/record.ts';
import { isHeadUnit, PREAMBLE_KEY } from '../lib/editions/shown.ts';
import { MARKDOWN_PIPELINE } from '../markdown/pipeline.ts';
import { GIVEN_IDS } from '../markdown/rehype-paragraph-ids.ts';
import type { EditionRecord, ShownSection } from '../schemas/editions.ts';

/**
 * An earlier edition as its pages show it, rebuilt from the edition record and rendered through
 * the site's own Markdown pipeline, with each paragraph's recorded id.
 */

export interface EditionSection {
  id: string;
  level: 2 | 3;
  parent?: string | undefined;
  numbering: string;
  title: string;
  heading: string;
  /** The section's text as HTML, from the site's Markdown pipeline (raw HTML never passes it). */
  html: string;
  children: EditionSection[];
}

export interface EditionText {
  fields: Record<string, string>;
  preambleHtml: string;
  /** Parts, each with its subsections. */
  outline: EditionSection[];
}

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;
const rendered = new WeakMap<EditionRecord, Map<number, Promise<EditionText>>>();

async function renderSection(section: ShownSection): Promise<string> {
  if (!section.units.length) return '';
  processor ??= createMarkdownProcessor({ syntaxHighlight: false, ...MARKDOWN_PIPELINE });
  const ids = section.units.map(([id]) => id).filter((id) => !isHeadUnit(id));
  const { code } = await (
    await processor
  ).render(section.units.map(([, md]) => md).join('\n\n'), {
    frontmatter: {
      ...(section.id === PREAMBLE_KEY ? {} : { id: section.id }),
      [GIVEN_IDS]: ids,
    },
  });
  return code;
}

/** The text of edition `n` (from 1) of a report, rendered once per build. */
export function editionText(record: EditionRecord, n: number): Promise<EditionText> {
  let byEdition = rendered.get(record);
  if (!byEdition) rendered.set(record, (byEdition = new Map()));
  let text = byEdition.get(n);
  if (!text) {
    text = render(record, n);
    byEdition.set(n, text);
  }
  return text;
}

async function render(record: EditionRecord, n: number): Promise<EditionText> {
  const shown = editionTexts(record)[n - 1]!;
  const [preamble, ...sections] = shown.sections;
  const placed = await Promise.all(
    sections.map(async (section): Promise<EditionSection> => {
      const numbering = displayNumbering(section.heading['numbering'] ?? '');
      const title = toFullWidthPunctuation(section.heading['title'] ?? '');
      return {
        id: section.id,
        level: section.heading['parent'] ? 3 : 2,
        parent: section.heading['parent'],
        numbering,
        title,
        heading: `${joinHeading(numbering, title)}${section.heading['runIn'] === 'true' ? '。' : ''}`,
        html: await renderSection(section),
        children: [],
      };
    }),
  );
  const outline: EditionSection[] = [];
  for (const section of placed) {
    const parent = section.parent && outline.find((part) => part.id === section.parent);
    if (parent) parent.children.push(section);
    else outline.push(section);
  }
  return {
    fields: shown.fields,
    preambleHtml: preamble ? await renderSection(preamble) : '',
    outline,
  };
}
