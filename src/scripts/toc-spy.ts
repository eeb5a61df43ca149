/**
 * The report's contents: open beside the text on a wide screen, a closed menu on a phone, and
 * the entry for the part being read marked with aria-current. Without JavaScript the contents
 * are a plain <details> with links, which is all a reader needs.
 */
import { fragmentId } from '../lib/addresses/ids.ts';
class TocSpy extends HTMLElement {
  #links: { link: HTMLAnchorElement; target: HTMLElement }[] = [];
  #current: HTMLAnchorElement | undefined;
  #queued = false;

  connectedCallback() {
    const details = this.querySelector('details');
    const wide = window.matchMedia('(min-width: 64rem)');
    const fit = () => {
      if (details) details.open = wide.matches;
    };
    fit();
    wide.addEventListener('change', fit);
    // On a phone the menu closes once a part is chosen, so the text is not pushed down.
    this.addEventListener('click', (event) => {
      if (details && !wide.matches && (event.target as Element).closest('a')) details.open = false;
    });

    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = document.getElementById(fragmentId(link.hash));
      if (target) this.#links.push({ link, target });
    }
    window.addEventListener('scroll', () => this.#queue(), { passive: true });
    window.addEventListener('resize', () => this.#queue(), { passive: true });
    this.#queue();
  }

  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    requestAnimationFrame(() => {
      this.#queued = false;
      this.#update();
    });
  }

  #update() {
    // The current part is the last heading that has reached the top third of the window; at the
    // end of the page, where the last headings can never get that high, the last one in view.
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atEnd ? window.innerHeight : window.innerHeight / 3;
    let current: HTMLAnchorElement | undefined;
    for (const { link, target } of this.#links) {
      if (target.getBoundingClientRect().top <= line) current = link;
      else break;
    }
    if (current === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    current?.setAttribute('aria-current', 'location');
    this.#current = current;
  }
}

customElements.define('toc-spy', TocSpy);
