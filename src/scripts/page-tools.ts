import {
  parsePrefs,
  PREFS_CHANGED_EVENT,
  READER_PREFS_KEY,
  type TextSize,
} from '../lib/reader/prefs.ts';
import { applyAndStore, readStored } from './reader-store.ts';

/**
 * 打印 and the text size in one tap, beside the report. Both need JavaScript, so the bar is
 * hidden in the markup and shown only once this element is defined; without JavaScript the
 * browser's own print and zoom remain.
 */
class PageTools extends HTMLElement {
  connectedCallback() {
    this.hidden = false;
    this.querySelector('[data-print]')?.addEventListener('click', () => window.print());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-size]')) {
      button.addEventListener('click', () => this.#setSize(button.dataset['size'] as TextSize));
    }
    this.#show();
    document.addEventListener(PREFS_CHANGED_EVENT, () => this.#show());
    window.addEventListener('storage', (event) => {
      if (event.key === READER_PREFS_KEY) this.#show();
    });
  }

  #show() {
    const { size } = parsePrefs(readStored());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-size]')) {
      button.setAttribute('aria-pressed', String(button.dataset['size'] === size));
    }
  }

  #setSize(size: TextSize) {
    // The change event it sends updates these buttons and the reader settings alike.
    applyAndStore({ ...parsePrefs(readStored()), size });
  }
}

customElements.define('page-tools', PageTools);
