/**
 * A report's tools that wait for the reader, so that a first visit on a phone fetches the text,
 * the stylesheet and a small script, and the rest only when it is used:
 * - paragraph and section links (permalinks.ts: copying, 引用本段, focus on landing) load when the
 *   page opens at a fragment, or when the reader first points at, touches or tabs into the main
 *   content. A click on one of the links, or on a section's 引用本节, before they have loaded is
 *   held and given again after, so the first tap does what every later one does;
 * - back to top (back-to-top.ts) loads with the first scroll.
 * Without JavaScript, or if the code cannot be fetched, the links are the plain anchors they are.
 */
import { copyLinkOf, isPlainClick, SENT_CITE_BUTTONS } from './copy-links.ts';

if (document.querySelector('copy-link-status')) {
  let loading: Promise<unknown> | undefined;
  const load = () =>
    (loading ??= import('./permalinks.ts')
      .then(() => customElements.whenDefined('copy-link-status'))
      .catch((error: unknown) => {
        // Offline since the page loaded: the next reach tries again.
        loading = undefined;
        throw error;
      }));
  const start = () => void load().catch(() => {});
  if (location.hash) start();
  window.addEventListener('hashchange', start, { once: true });
  const main = document.querySelector('main') ?? document.body;
  for (const type of ['pointerover', 'pointerdown', 'touchstart', 'focusin'])
    main.addEventListener(type, start, { once: true, passive: true });
  // 引用本节 shows from the start, as the headings will look once the code is here.
  for (const button of document.querySelectorAll<HTMLButtonElement>(SENT_CITE_BUTTONS))
    button.hidden = false;
  document.addEventListener('click', (event) => {
    if (customElements.get('copy-link-status') || !isPlainClick(event)) return;
    const target =
      copyLinkOf(event) ?? (event.target as Element).closest<HTMLElement>(SENT_CITE_BUTTONS);
    if (!target) return;
    event.preventDefault();
    load().then(
      () => target.click(),
      () => {
        if (target instanceof HTMLAnchorElement) location.hash = target.hash;
      },
    );
  });
}

if (document.querySelector('back-to-top'))
  window.addEventListener('scroll', () => void import('./back-to-top.ts').catch(() => {}), {
    once: true,
    passive: true,
  });
