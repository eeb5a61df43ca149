import { describe, expect, it } from 'vitest';
import { publicationDeadline, statutoryFacts } from '../../src/lib/content/statutory.ts';
import { CSP, CSP_DIRECTIVES, CSP_META, effectiveSources } from '../../src/lib/security/csp.ts';

describe('statutoryFacts', () => {
  const parts = [
    { id: 's1', item: '主要举措和成效' as const },
    { id: 's2', item: '存在的不足和原因' as const },
    { id: 's3', item: '下一年度主要安排' as const },
  ];

  it('counts 1 April of the following year as on time, and the day after as not', () => {
    expect(publicationDeadline(2023)).toBe('2024-04-01');
    expect(statutoryFacts({ year: 2023, published: '2024-04-01' }, parts).onTime).toBe(true);
    expect(statutoryFacts({ year: 2023, published: '2024-04-02' }, parts).onTime).toBe(false);
    expect(statutoryFacts({ year: 2023, published: '2024-03-22' }, parts).onTime).toBe(true);
  });

  it('says nothing about timeliness while a draft has no publication date', () => {
    expect(statutoryFacts({ year: 2023 }, parts).onTime).toBeUndefined();
  });

  it('lists the five items in the rule order with the parts that cover them', () => {
    const facts = statutoryFacts({ year: 2023, published: '2024-03-22' }, parts);
    expect(facts.items.map((entry) => entry.item)).toEqual([
      '主要举措和成效',
      '存在的不足和原因',
      '第一责任人职责',
      '下一年度主要安排',
      '其他',
    ]);
    expect(facts.items[0]!.sectionIds).toEqual(['s1']);
    expect(facts.missing).toEqual(['第一责任人职责', '其他']);
  });
});

describe('CSP', () => {
  it('allows only the site itself and WebAssembly for search, with a reason for every directive', () => {
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toContain('unsafe-inline');
    for (const { why } of CSP_DIRECTIVES) expect(why.length).toBeGreaterThan(20);
  });

  it('leaves frame-ancestors out of the meta form, where browsers ignore it', () => {
    expect(CSP).toContain('frame-ancestors');
    expect(CSP_META).not.toContain('frame-ancestors');
  });

  it('gives every page the same policy as the header, in fewer bytes', () => {
    for (const { directive } of CSP_DIRECTIVES) {
      const name = directive.split(' ')[0]!;
      if (name === 'frame-ancestors') continue;
      expect(effectiveSources(CSP_META, name), name).toBe(effectiveSources(CSP, name));
    }
    // Directives that restate default-src are left to it; the others are all there.
    expect(CSP_META).not.toContain('style-src');
    expect(CSP_META).toContain("img-src 'self' data:");
    expect(CSP_META).toContain("form-action 'self'");
    expect(CSP_META.length).toBeLessThan(CSP.length - 50);
  });

  it('resolves a missing fetch directive through default-src, and nothing else', () => {
    expect(effectiveSources("default-src 'self'; img-src data:", 'font-src')).toBe("'self'");
    expect(effectiveSources("default-src 'self'; img-src data:", 'img-src')).toBe('data:');
    expect(effectiveSources("default-src 'self'", 'base-uri')).toBeUndefined();
  });
});
