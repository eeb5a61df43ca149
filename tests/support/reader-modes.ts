import type { BrowserContextOptions } from 'playwright-core';

/** A reading mode as a reader would set it: system colour scheme plus stored reader settings. */
export interface ReaderMode {
  name: string;
  colorScheme: 'light' | 'dark';
  /** The system's contrast preference. */
  contrast: 'more' | 'no-preference';
  /** What the reader controls store in localStorage (src/lib/reader/prefs.ts), or null. */
  stored: string | null;
  /** Whether the page should show high contrast (AAA) in this mode. */
  highContrast: boolean;
}

export const READER_MODES: ReaderMode[] = [
  {
    name: 'light',
    colorScheme: 'light',
    contrast: 'no-preference',
    stored: null,
    highContrast: false,
  },
  {
    name: 'dark',
    colorScheme: 'dark',
    contrast: 'no-preference',
    stored: null,
    highContrast: false,
  },
  {
    name: 'high-contrast',
    colorScheme: 'light',
    contrast: 'no-preference',
    stored: '{"contrast":"high"}',
    highContrast: true,
  },
  {
    name: 'high-contrast-dark',
    colorScheme: 'dark',
    contrast: 'no-preference',
    stored: '{"contrast":"high"}',
    highContrast: true,
  },
  {
    name: 'system-high-contrast',
    colorScheme: 'light',
    contrast: 'more',
    stored: null,
    highContrast: true,
  },
  {
    name: 'large-text',
    colorScheme: 'light',
    contrast: 'no-preference',
    stored: '{"size":"xl"}',
    highContrast: false,
  },
];

/** Context options and an init script that put a fresh browser context in the given mode. */
export function modeContext(mode: ReaderMode): { options: BrowserContextOptions; init: string } {
  const init =
    mode.stored === null
      ? ''
      : `try { localStorage.setItem('fz-reader', ${JSON.stringify(mode.stored)}); } catch {}`;
  return { options: { colorScheme: mode.colorScheme, contrast: mode.contrast }, init };
}

/**
 * Page types every check runs on: home, full report, a section page, search, 404. The 修订记录
 * exists only for a corrected report, which the site's own content has none of: the editions
 * fixture checks it in every mode (tests/e2e/editions.test.ts).
 */
export const PAGE_TYPES = [
  { name: 'home', path: '' },
  { name: 'report', path: 'reports/2023-jiading-police/' },
  { name: 'section', path: 'reports/2023-jiading-police/s1-2/' },
  { name: 'agency', path: 'agencies/jiading-police/' },
  { name: 'year', path: 'years/2023/' },
  { name: 'statutory rule', path: 'about/statutory/' },
  { name: 'data', path: 'data/' },
  { name: 'indicator', path: 'data/traffic-hazards-rectified/' },
  { name: 'search', path: 'search/?q=%E6%89%A7%E6%B3%95' },
  { name: '404', path: 'no-such-page/' },
] as const;
