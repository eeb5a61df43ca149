import {
  PREFS_CHANGED_EVENT,
  prefsToAttributes,
  READER_PREFS_KEY,
  type ReaderPrefs,
  serializePrefs,
} from '../lib/reader/prefs.ts';

/** The stored preferences as written, or null when none are stored or storage is blocked. */
export function readStored(): string | null {
  try {
    return localStorage.getItem(READER_PREFS_KEY);
  } catch {
    return null;
  }
}

/** Shows `prefs` on the page, stores them, and tells the page's other controls. */
export function applyAndStore(prefs: ReaderPrefs): void {
  apply(prefs);
  try {
    const stored = serializePrefs(prefs);
    if (stored === null) localStorage.removeItem(READER_PREFS_KEY);
    else localStorage.setItem(READER_PREFS_KEY, stored);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  document.dispatchEvent(new CustomEvent(PREFS_CHANGED_EVENT));
}

/** Shows `prefs` on the page without storing them (another tab changed them). */
export function apply(prefs: ReaderPrefs): void {
  for (const [name, value] of Object.entries(prefsToAttributes(prefs))) {
    if (value === null) document.documentElement.removeAttribute(name);
    else document.documentElement.setAttribute(name, value);
  }
}
