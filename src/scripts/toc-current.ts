import { fragmentId } from '../lib/addresses/ids.ts';

/**
 * Marks with aria-current the entry of the contents `toc` for the part being read, and keeps it
 * so as the reader scrolls: the last heading that has reached the top third of the window; at
 * the end of the page, where the last headings can never get that high, the last one in view.
 */
export function markCurrent(toc: HTMLElement): void {
  const links: { link: HTMLAnchorElement; target: HTMLElement }[] = [];
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = document.getElementById(fragmentId(link.hash));
    if (target) links.push({ link, target });
  }
  let current: HTMLAnchorElement | undefined;
  let queued = false;
  const update = () => {
    queued = false;
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atEnd ? window.innerHeight : window.innerHeight / 3;
    let now: HTMLAnchorElement | undefined;
    for (const { link, target } of links) {
      if (target.getBoundingClientRect().top <= line) now = link;
      else break;
    }
    if (now === current) return;
    current?.removeAttribute('aria-current');
    now?.setAttribute('aria-current', 'location');
    current = now;
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue, { passive: true });
  update();
}
