import { parsePrefs, READER_PREFS_KEY } from '../lib/reader/prefs.ts';
import { apply } from './reader-store.ts';

/**
 * Text size, colour scheme and contrast. The markup has only the 阅读设置 button, hidden by CSS
 * until this element is defined, so a reader without JavaScript never meets a dead control. The
 * panel behind it (reader-panel.ts) loads when the reader reaches for the button: a pointer over
 * it, a touch or keyboard focus starts the download, and the panel is built once it is opened.
 */
class ReaderControls extends HTMLElement {
  #panel: Promise<typeof import('./reader-panel.ts')> | undefined;

  connectedCallback() {
    const details = this.querySelector('details');
    if (!details) return;
    const load = () => (this.#panel ??= import('./reader-panel.ts'));
    for (const type of ['pointerenter', 'pointerdown', 'focusin'])
      this.addEventListener(type, () => void load().catch(() => {}), { once: true });
    details.addEventListener('toggle', () => {
      if (details.open)
        load().then(
          (module) => module.attachPanel(this, details),
          // Offline since the page loaded: the next opening tries again.
          () => (this.#panel = undefined),
        );
    });
    // Another tab changed the settings: follow it, so every open page looks the same.
    window.addEventListener('storage', (event) => {
      if (event.key === READER_PREFS_KEY) apply(parsePrefs(event.newValue));
    });
  }
}

customElements.define('reader-controls', ReaderControls);
