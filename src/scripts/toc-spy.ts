/**
 * The report's contents: open beside the text on a wide screen, a closed menu on a phone, and
 * (toc-current.ts, loaded with the first scroll) the entry for the part being read marked with
 * aria-current. Without JavaScript the contents are a plain <details> with links, which is all
 * a reader needs.
 */
class TocSpy extends HTMLElement {
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
    // Until the reader scrolls (a landing at a fragment scrolls too) the top of the report is in
    // view and no part is current yet.
    window.addEventListener(
      'scroll',
      () =>
        void import('./toc-current.ts').then(
          (module) => module.markCurrent(this),
          () => {},
        ),
      { once: true, passive: true },
    );
  }
}

customElements.define('toc-spy', TocSpy);
