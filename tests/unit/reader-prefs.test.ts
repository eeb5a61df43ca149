import { describe, expect, it } from 'vitest';
import { contrastFromChoice, showsHighContrast } from '../../src/lib/reader/contrast.ts';
import {
  DEFAULT_PREFS,
  parsePrefs,
  prefsToAttributes,
  serializePrefs,
} from '../../src/lib/reader/prefs.ts';

describe('reader preferences', () => {
  it('reads stored choices', () => {
    expect(parsePrefs('{"size":"xl","theme":"dark","contrast":"high"}')).toEqual({
      size: 'xl',
      theme: 'dark',
      contrast: 'high',
    });
  });

  it('falls back to the default for nothing stored, broken JSON or unknown values', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('"xl"')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"size":"huge","theme":"sepia","contrast":true}')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"size":"l"}')).toEqual({ ...DEFAULT_PREFS, size: 'l' });
  });

  it('stores only what differs from the default, and nothing when nothing differs', () => {
    expect(serializePrefs(DEFAULT_PREFS)).toBeNull();
    expect(serializePrefs({ ...DEFAULT_PREFS, contrast: 'high' })).toBe('{"contrast":"high"}');
    const all = { size: 's', theme: 'light', contrast: 'high' } as const;
    expect(parsePrefs(serializePrefs(all))).toEqual(all);
  });

  it('leaves attributes off for defaults so the system colour scheme applies', () => {
    expect(prefsToAttributes(DEFAULT_PREFS)).toEqual({
      'data-size': null,
      'data-theme': null,
      'data-contrast': null,
    });
    expect(prefsToAttributes({ size: 'xl', theme: 'dark', contrast: 'high' })).toEqual({
      'data-size': 'xl',
      'data-theme': 'dark',
      'data-contrast': 'high',
    });
    expect(prefsToAttributes({ ...DEFAULT_PREFS, contrast: 'normal' })['data-contrast']).toBe(
      'normal',
    );
  });

  it('shows high contrast when chosen, or when the system asks for it and the reader has not turned it off', () => {
    expect(showsHighContrast({ ...DEFAULT_PREFS, contrast: 'high' }, false)).toBe(true);
    expect(showsHighContrast(DEFAULT_PREFS, true)).toBe(true);
    expect(showsHighContrast(DEFAULT_PREFS, false)).toBe(false);
    expect(showsHighContrast({ ...DEFAULT_PREFS, contrast: 'normal' }, true)).toBe(false);
  });

  it('stores a contrast choice only where it differs from the system', () => {
    expect(contrastFromChoice(true, false)).toBe('high');
    expect(contrastFromChoice(false, true)).toBe('normal');
    expect(contrastFromChoice(true, true)).toBe('system');
    expect(contrastFromChoice(false, false)).toBe('system');
  });
});
