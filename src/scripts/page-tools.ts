import {
  parsePrefs,
  PREFS_CHANGED_EVENT,
  READER_PREFS_KEY,
  type TextSize,
} from '../lib/reader/prefs.ts';
import { applyAndStore, readStored } from './reader-store.ts';

/**
 * 打印 and the text size (大/中/小, the reader settings' sizes) in one tap, beside the report.
 * Both need JavaScript: the bar is in the markup, hidden (PageTools.astro), and shown once this
 * element is defined; without JavaScript the browser's own print and zoom remain.
 */
class PageTools extends HTMLElement {
  connectedCallback() {
    this.hidden = false;
    this.#show();
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button) return;
      const size = button.dataset['size'] as TextSize | undefined;
      // The change event it sends updates these buttons and the reader settings alike.
      if (size) applyAndStore({ ...parsePrefs(readStored()), size });
      else window.print();
    });
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
}

customElements.define('page-tools', PageTools);
