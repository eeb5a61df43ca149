/**
 * A reader's display preferences: text size, colour scheme and contrast. They are kept in
 * localStorage under one key and shown as data attributes on <html>, which the stylesheets read.
 * READER_PREFS_EARLY (early-script.ts) applies the same attributes before first paint.
 */

export const READER_PREFS_KEY = 'fz-reader';

/** Dispatched on document when one control on the page changed the preferences, so the others follow. */
export const PREFS_CHANGED_EVENT = 'fz-reader-change';

export const TEXT_SIZES = ['s', 'm', 'l', 'xl'] as const;
/** 大/中/小 beside a report (PageTools.astro): the same sizes, the largest left out. */
export const TOOL_SIZES = ['l', 'm', 's'] as const satisfies readonly TextSize[];
export const THEMES = ['system', 'light', 'dark'] as const;
/** 'system' follows the system's "increase contrast" setting (prefers-contrast: more). */
export const CONTRASTS = ['system', 'normal', 'high'] as const;

export type TextSize = (typeof TEXT_SIZES)[number];
export type Theme = (typeof THEMES)[number];
export type Contrast = (typeof CONTRASTS)[number];

export interface ReaderPrefs {
  size: TextSize;
  theme: Theme;
  contrast: Contrast;
}

export const DEFAULT_PREFS: ReaderPrefs = { size: 'm', theme: 'system', contrast: 'system' };

const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Reads stored preferences; anything missing, unknown or unparsable falls back to the default. */
export function parsePrefs(stored: string | null | undefined): ReaderPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(stored ?? '{}');
  } catch {
    return { ...DEFAULT_PREFS };
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    size: pick(TEXT_SIZES, record['size'], DEFAULT_PREFS.size),
    theme: pick(THEMES, record['theme'], DEFAULT_PREFS.theme),
    contrast: pick(CONTRASTS, record['contrast'], DEFAULT_PREFS.contrast),
  };
}

/** Stores only what differs from the default, so a reader who changed nothing stores nothing. */
export function serializePrefs(prefs: ReaderPrefs): string | null {
  const changed = Object.fromEntries(
    Object.entries(prefs).filter(
      ([key, value]) => DEFAULT_PREFS[key as keyof ReaderPrefs] !== value,
    ),
  );
  return Object.keys(changed).length === 0 ? null : JSON.stringify(changed);
}

/**
 * The attributes <html> carries for these preferences. A default leaves its attribute off, so
 * the page without JavaScript and the page of a reader who changed nothing are the same page,
 * and the colour scheme follows the system through a media query.
 */
export function prefsToAttributes(
  prefs: ReaderPrefs,
): Record<'data-size' | 'data-theme' | 'data-contrast', string | null> {
  return {
    'data-size': prefs.size === DEFAULT_PREFS.size ? null : prefs.size,
    'data-theme': prefs.theme === DEFAULT_PREFS.theme ? null : prefs.theme,
    'data-contrast': prefs.contrast === DEFAULT_PREFS.contrast ? null : prefs.contrast,
  };
}
