/**
 * The panel behind the 阅读设置 button (text size, colour scheme, contrast), built the first time
 * the reader reaches for the button (reader-controls.ts loads this file then).
 */
import {
  parsePrefs,
  PREFS_CHANGED_EVENT,
  READER_PREFS_KEY,
  type ReaderPrefs,
} from '../lib/reader/prefs.ts';
import { contrastFromChoice, showsHighContrast } from '../lib/reader/contrast.ts';
import { readerUi } from '../i18n/reader.ts';
import { h } from './dom.ts';
import { applyAndStore, readStored } from './reader-store.ts';
import panelStylesheet from '../styles/reader-panel.css?url';
import { addStylesheet } from './stylesheet.ts';

// The panel's rules come with it (fetched as the reader reaches for the button), and it is
// built once they have loaded, so it never shows unstyled.
const styled = addStylesheet(panelStylesheet);
const attached = new WeakSet<HTMLDetailsElement>();

const systemContrast = window.matchMedia('(prefers-contrast: more)');

const choice = (type: 'radio' | 'checkbox', name: string, value: string, label: string) =>
  h('label', {}, h('input', { type, name, value }), label);

/** The panel behind the 阅读设置 button; checked as stored by attachPanel. */
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

/** Builds the panel inside `details` and keeps it in step with the stored settings. */
export function attachPanel(element: HTMLElement, details: HTMLDetailsElement): void {
  if (attached.has(details)) return;
  attached.add(details);
  void styled.then(() => buildPanel(element, details));
}

function buildPanel(element: HTMLElement, details: HTMLDetailsElement): void {
  const form = panel();
  details.append(form);
  const show = (prefs: ReaderPrefs = parsePrefs(readStored())) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      input.checked = prefs[input.name.replace('fz-', '') as keyof ReaderPrefs] === input.value;
    }
    const contrast = form.querySelector<HTMLInputElement>('input[name="fz-contrast"]');
    if (contrast) contrast.checked = showsHighContrast(prefs, systemContrast.matches);
  };
  show();
  form.addEventListener('change', () => {
    const data = new FormData(form);
    const contrast = contrastFromChoice(data.get('fz-contrast') !== null, systemContrast.matches);
    applyAndStore(
      parsePrefs(
        JSON.stringify({ size: data.get('fz-size'), theme: data.get('fz-theme'), contrast }),
      ),
    );
  });
  // The system setting changed while the page is open: the checkbox shows what the page shows.
  systemContrast.addEventListener('change', () => show());
  // Escape closes the drop-down and returns focus to its button, as a menu would.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  });
  // The drop-down lies over the page: a click or focus elsewhere closes it.
  const closeOutside = (event: Event) => {
    if (details.open && !element.contains(event.target as Node)) details.open = false;
  };
  document.addEventListener('click', closeOutside);
  document.addEventListener('focusin', closeOutside);
  // The text-size buttons beside the report, or another tab, changed the settings: show them.
  document.addEventListener(PREFS_CHANGED_EVENT, () => show());
  window.addEventListener('storage', (event) => {
    if (event.key === READER_PREFS_KEY) show(parsePrefs(event.newValue));
  });
}
