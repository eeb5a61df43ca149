import {
  contrastFromChoice,
  parsePrefs,
  PREFS_CHANGED_EVENT,
  READER_PREFS_KEY,
  type ReaderPrefs,
  showsHighContrast,
} from '../lib/reader/prefs.ts';
import { readerUi } from '../i18n/reader.ts';
import { h } from './dom.ts';
import { apply, applyAndStore, readStored } from './reader-store.ts';

const systemContrast = window.matchMedia('(prefers-contrast: more)');

const choice = (type: 'radio' | 'checkbox', name: string, value: string, label: string) =>
  h('label', {}, h('input', { type, name, value }), label);

/** The panel behind the 阅读设置 button; checked as stored by #show. */
function panel(): HTMLFormElement {
  return h(
    'form',
    { class: 'reader-controls-panel', 'aria-label': readerUi['reader.settings'] },
    h(
      'fieldset',
      {},
      h('legend', {}, readerUi['reader.size']),
      choice('radio', 'fz-size', 's', readerUi['reader.sizeSmall']),
      choice('radio', 'fz-size', 'm', readerUi['reader.sizeMedium']),
      choice('radio', 'fz-size', 'l', readerUi['reader.sizeLarge']),
      choice('radio', 'fz-size', 'xl', readerUi['reader.sizeExtraLarge']),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, readerUi['reader.theme']),
      choice('radio', 'fz-theme', 'system', readerUi['reader.themeSystem']),
      choice('radio', 'fz-theme', 'light', readerUi['reader.themeLight']),
      choice('radio', 'fz-theme', 'dark', readerUi['reader.themeDark']),
    ),
    h(
      'fieldset',
      {},
      h('legend', { class: 'visually-hidden' }, readerUi['reader.contrast']),
      choice('checkbox', 'fz-contrast', 'high', readerUi['reader.contrastHigh']),
    ),
  );
}

/**
 * Text size, colour scheme and contrast. The markup has only the 阅读设置 button, hidden by CSS
 * until this element is defined, so a reader without JavaScript never meets a dead control; the
 * panel is built here.
 */
class ReaderControls extends HTMLElement {
  connectedCallback() {
    const details = this.querySelector('details');
    if (!details || this.querySelector('form')) return;
    const form = panel();
    details.append(form);
    this.#show(form, parsePrefs(readStored()));
    form.addEventListener('change', () => this.#save(form));
    // The system setting changed while the page is open: the checkbox shows what the page shows.
    systemContrast.addEventListener('change', () => this.#show(form, parsePrefs(readStored())));
    // Escape closes the drop-down and returns focus to its button, as a menu would.
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    });
    // The drop-down lies over the page: a click or focus elsewhere closes it.
    const closeOutside = (event: Event) => {
      if (details.open && !this.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('click', closeOutside);
    document.addEventListener('focusin', closeOutside);
    // The text-size buttons beside the report changed the size: show it here too.
    document.addEventListener(PREFS_CHANGED_EVENT, () =>
      this.#show(form, parsePrefs(readStored())),
    );
    // Another tab changed the settings: follow it, so every open page looks the same.
    window.addEventListener('storage', (event) => {
      if (event.key !== READER_PREFS_KEY) return;
      const prefs = parsePrefs(event.newValue);
      apply(prefs);
      this.#show(form, prefs);
    });
  }

  #show(form: HTMLFormElement, prefs: ReaderPrefs) {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      input.checked = prefs[input.name.replace('fz-', '') as keyof ReaderPrefs] === input.value;
    }
    const contrast = form.querySelector<HTMLInputElement>('input[name="fz-contrast"]');
    if (contrast) contrast.checked = showsHighContrast(prefs, systemContrast.matches);
  }

  #save(form: HTMLFormElement) {
    const data = new FormData(form);
    const contrast = contrastFromChoice(data.get('fz-contrast') !== null, systemContrast.matches);
    const prefs = parsePrefs(
      JSON.stringify({ size: data.get('fz-size'), theme: data.get('fz-theme'), contrast }),
    );
    applyAndStore(prefs);
  }
}

customElements.define('reader-controls', ReaderControls);
