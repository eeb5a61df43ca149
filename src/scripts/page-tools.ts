import {
  PREFS_CHANGED_EVENT,
  parsePrefs,
  prefsToAttributes,
  READER_PREFS_KEY,
  serializePrefs,
  type TextSize,
} from '../lib/reader/prefs.ts';

function readStored(): string | null {
  try {
    return localStorage.getItem(READER_PREFS_KEY);
  } catch {
    return null;
  }
}

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
    const prefs = { ...parsePrefs(readStored()), size };
    for (const [name, value] of Object.entries(prefsToAttributes(prefs))) {
      if (value === null) document.documentElement.removeAttribute(name);
      else document.documentElement.setAttribute(name, value);
    }
    try {
      const stored = serializePrefs(prefs);
      if (stored === null) localStorage.removeItem(READER_PREFS_KEY);
      else localStorage.setItem(READER_PREFS_KEY, stored);
    } catch {
      // Storage blocked: the size holds for this page only.
    }
    this.#show();
    document.dispatchEvent(new CustomEvent(PREFS_CHANGED_EVENT));
  }
}

customElements.define('page-tools', PageTools);
