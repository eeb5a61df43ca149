import {
  parsePrefs,
  PREFS_CHANGED_EVENT,
  READER_PREFS_KEY,
  type TextSize,
} from '../lib/reader/prefs.ts';
import { readerUi } from '../i18n/reader.ts';
import { h } from './dom.ts';
import { applyAndStore, readStored } from './reader-store.ts';

// 大/中/小 map onto the reader settings' sizes, so both controls show the same choice.
const SIZES = [
  ['l', readerUi['tools.sizeLarge']],
  ['m', readerUi['tools.sizeMedium']],
  ['s', readerUi['tools.sizeSmall']],
] as const;

/**
 * 打印 and the text size in one tap, beside the report. Both need JavaScript, so the markup is
 * an empty hidden element, and the bar is built and shown only once this element is defined;
 * without JavaScript the browser's own print and zoom remain.
 */
class PageTools extends HTMLElement {
  connectedCallback() {
    if (this.firstElementChild) return;
    const print = h(
      'button',
      { type: 'button', class: 'page-tools-print' },
      readerUi['tools.print'],
    );
    print.addEventListener('click', () => window.print());
    const sizes = SIZES.map(([size, label]) => {
      const button = h('button', { type: 'button', 'data-size': size }, label);
      button.addEventListener('click', () => this.#setSize(size));
      return button;
    });
    this.append(
      h(
        'div',
        { role: 'group', 'aria-label': readerUi['tools.label'], class: 'page-tools-group' },
        print,
        h(
          'span',
          { class: 'page-tools-size', role: 'group', 'aria-label': readerUi['tools.sizeGroup'] },
          h('span', { 'aria-hidden': 'true' }, readerUi['tools.size']),
          ...sizes,
        ),
      ),
    );
    this.hidden = false;
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
