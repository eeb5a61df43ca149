import type { Contrast, ReaderPrefs } from './prefs.ts';

/*
 * The 高对比度 checkbox of the reader settings' panel, against the system's own setting. Apart
 * from prefs.ts because only the panel needs it: prefs.ts runs on every page's first load.
 */

/** Whether the page shows high contrast: chosen, or asked for by the system and not turned off. */
export function showsHighContrast(prefs: ReaderPrefs, systemPrefersMore: boolean): boolean {
  return prefs.contrast === 'high' || (prefs.contrast === 'system' && systemPrefersMore);
}

/**
 * The contrast setting for the 高对比度 checkbox's state. Agreeing with the system stores nothing,
 * so a later change of the system setting is followed; disagreeing stores the reader's choice.
 */
export function contrastFromChoice(checked: boolean, systemPrefersMore: boolean): Contrast {
  if (checked === systemPrefersMore) return 'system';
  return checked ? 'high' : 'normal';
}
