import { searchUi } from '../i18n/search.ts';
import type { ExcerptPart } from '../lib/search/excerpt.ts';
import { markPieces, type RankedSection } from '../lib/search/rank.ts';
import type { Candidate } from './search-engine.ts';

/** One result: heading, report (and part), excerpt; text and <mark> only. */
export function resultItem(result: RankedSection<Candidate>): HTMLLIElement {
  const { candidate } = result;
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = highlightHref(result.href, result.pieces);
  const heading = document.createElement('span');
  heading.className = 'search-result-heading';
  if (candidate.heading) appendParts(heading, markPieces(candidate.heading, result.pieces));
  else heading.textContent = searchUi['search.preamble'];
  const report = document.createElement('span');
  report.className = 'search-result-report';
  report.textContent = candidate.part ? `${candidate.title} › ${candidate.part}` : candidate.title;
  link.append(heading, report);
  if (result.excerpt.length) link.append(excerptElement(result.excerpt));
  item.append(link);
  return item;
}

/** The landing page highlights these pieces (see search-highlight.ts), then drops the parameter. */
function highlightHref(href: string, pieces: readonly string[]): string {
  const terms = pieces.filter((piece) => [...piece].length >= 2 || pieces.length === 1).slice(0, 5);
  if (!terms.length) return href;
  const hash = href.indexOf('#');
  const [path, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${path}?hl=${encodeURIComponent(terms.join(' '))}${fragment}`;
}

function excerptElement(parts: readonly ExcerptPart[]): HTMLElement {
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  appendParts(excerpt, parts);
  return excerpt;
}

function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]) {
  for (const part of parts) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}
