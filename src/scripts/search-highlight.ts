import { searchUi } from '../i18n/search.ts';
import { fragmentId } from '../lib/addresses/ids.ts';
import { markPieces, phrasesOf } from '../lib/search/rank.ts';
import highlightStylesheet from '../styles/highlight.css?url';
import { addStylesheet } from './stylesheet.ts';

/**
 * A landing from a search result (?hl=term term): marks the terms in the page's text, puts the
 * target in view below any sticky header, and offers a button (and Escape) to take the marks
 * away. The parameter is dropped from the address, so a link copied from here stays clean.
 */
// The bar's rules come with this script: it is added once they have loaded.
const styled = addStylesheet(highlightStylesheet);
const url = new URL(location.href);
const terms = phrasesOf(url.searchParams.get('hl') ?? '')
  .filter((term) => [...term].length <= 30)
  .slice(0, 5);
url.searchParams.delete('hl');
history.replaceState(history.state, '', url);

const SKIP = 'script, style, noscript, nav, .section-anchor, .search-highlight-bar, mark';
const marks: HTMLElement[] = [];
const root = document.querySelector('main');
if (root && terms.length) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const node of nodes) {
    const parts = markPieces(node.data, terms);
    if (!parts.some((part) => part.marked)) continue;
    const pieces = parts.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = part.text;
      marks.push(mark);
      return mark;
    });
    node.replaceWith(...pieces);
  }
}

if (marks.length) {
  const bar = document.createElement('div');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'status');
  const label = document.createElement('span');
  label.textContent = `${searchUi['search.highlighted']}${terms.join('、')}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = searchUi['search.clearHighlight'];
  bar.append(label, button);
  void styled.then(() => document.body.append(bar));
  const clear = () => {
    for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
    root?.normalize();
    bar.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') clear();
  };
  button.addEventListener('click', clear);
  document.addEventListener('keydown', onKey);
}

// The browser has scrolled to the fragment already; do it again so a sticky header never hides it.
const target = location.hash ? document.getElementById(fragmentId(location.hash)) : null;
if (target) {
  target.scrollIntoView({ block: 'start' });
  const header = document.querySelector<HTMLElement>('.site-header');
  const position = header ? getComputedStyle(header).position : '';
  if (header && (position === 'sticky' || position === 'fixed')) {
    const overlap = header.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, -(overlap + 8));
  }
}
