import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { READER_PREFS_EARLY, READER_PREFS_EARLY_HASH } from '../../src/lib/reader/early-script.ts';
import { CSP, CSP_META } from '../../src/lib/security/csp.ts';

describe('the inline reader-settings script', () => {
  it('is allowed by the hash of its exact text, in the header and the meta policy alike', () => {
    const hash = `'sha256-${createHash('sha256').update(READER_PREFS_EARLY).digest('base64')}'`;
    expect(READER_PREFS_EARLY_HASH).toBe(hash);
    for (const policy of [CSP, CSP_META])
      expect(/script-src [^;]*/.exec(policy)?.[0]).toBe(
        `script-src 'self' 'wasm-unsafe-eval' ${hash}`,
      );
  });

  it('sets the saved settings on <html> and ignores values it does not know', () => {
    const attributes: Record<string, string> = {};
    const run = (saved: string | null) => {
      for (const key of Object.keys(attributes)) delete attributes[key];
      new Function('localStorage', 'document', READER_PREFS_EARLY)(
        { getItem: () => saved },
        { documentElement: { setAttribute: (k: string, v: string) => (attributes[k] = v) } },
      );
      return { ...attributes };
    };
    expect(run('{"size":"l","theme":"dark","contrast":"high"}')).toEqual({
      'data-size': 'l',
      'data-theme': 'dark',
      'data-contrast': 'high',
    });
    expect(run('{"size":"huge","theme":"<b>"}')).toEqual({});
    expect(run('not json')).toEqual({});
    expect(run(null)).toEqual({});
    expect(run('null')).toEqual({});
    expect(run('{"size":"xl","theme":"system"}')).toEqual({ 'data-size': 'xl' });
  });

  it('leaves the defaults when storage is blocked', () => {
    const set: string[] = [];
    expect(() =>
      new Function('localStorage', 'document', READER_PREFS_EARLY)(
        {
          getItem: () => {
            throw new DOMException('blocked', 'SecurityError');
          },
        },
        { documentElement: { setAttribute: (k: string) => set.push(k) } },
      ),
    ).not.toThrow();
    expect(set).toEqual([]);
  });
});
