/**
 * The back-to-top link: without JavaScript it sits at the end of the report. With it, the link
 * also floats at the bottom of the window, but only near the end or while the reader scrolls back
 * up far from the top, so it never sits over text that is being read. It stays in the tab
 * order throughout and shows when focused.
 */
class BackToTop extends HTMLElement {
  #lastY = window.scrollY;
  #queued = false;

  connectedCallback() {
    window.addEventListener(
      'scroll',
      () => {
        if (this.#queued) return;
        this.#queued = true;
        requestAnimationFrame(() => {
          this.#queued = false;
          this.#update();
        });
      },
      { passive: true },
    );
    this.#update();
  }

  #update() {
    const y = window.scrollY;
    const nearEnd = y + window.innerHeight * 1.5 > document.documentElement.scrollHeight;
    this.toggleAttribute(
      'data-shown',
      nearEnd || (y < this.#lastY && y > window.innerHeight * 1.5),
    );
    this.#lastY = y;
  }
}

customElements.define('back-to-top', BackToTop);

// A module (for the dynamic import in on-demand.ts), though it exports nothing.
export {};
