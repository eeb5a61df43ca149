import type { BrowserContextOptions } from 'playwright-core';

/** A reading mode as a reader would set it: system colour scheme plus stored reader settings. */
export interface ReaderMode {
  name: string;
  colorScheme: 'light' | 'dark';
  /** What the reader controls store in localStorage (src/lib/reader-prefs.ts), or null. */
  stored: string | null;
}

export const READER_MODES: ReaderMode[] = [
  { name: 'light', colorScheme: 'light', stored: null },
  { name: 'dark', colorScheme: 'dark', stored: null },
  { name: 'high-contrast', colorScheme: 'light', stored: '{"contrast":"high"}' },
  { name: 'high-contrast-dark', colorScheme: 'dark', stored: '{"contrast":"high"}' },
  { name: 'large-text', colorScheme: 'light', stored: '{"size":"xl"}' },
];

/** Context options and an init script that put a fresh browser context in the given mode. */
export function modeContext(mode: ReaderMode): { options: BrowserContextOptions; init: string } {
  const init = mode.stored === null ? '' : `try { localStorage.setItem('fz-reader', ${JSON.stringify(mode.stored)}); } catch {}`;
  return { options: { colorScheme: mode.colorScheme }, init };
}

/** Page types every check runs on: home, full report, a section page, search, 404. */
export const PAGE_TYPES = [
  { name: 'home', path: '' },
  { name: 'report', path: 'reports/2023-jiading-police/' },
  { name: 'section', path: 'reports/2023-jiading-police/s1-2/' },
  { name: 'search', path: 'search/?q=%E6%89%A7%E6%B3%95' },
  { name: '404', path: 'no-such-page/' },
] as const;
