import TSCharacters from 'opencc-js/dict/TSCharacters';
import { pinyin } from 'pinyin-pro';

/**
 * Build-time data that lets the search understand queries the index alone cannot: pinyin and
 * Traditional characters. Both are derived from the corpus, so they stay small and only hold
 * what can actually be found.
 */

const HAN = /\p{Script=Han}/u;
const MAX_TERM = 8;

/**
 * Pinyin lexicon: toneless pinyin without separators → the Chinese terms of the corpus it spells,
 * most frequent first. Terms are: words of two or more characters (Intl.Segmenter), quoted
 * terms (“一网通办”), and character runs that recur in the corpus (so 执法监督 is a term even
 * though the segmenter splits it). Runs that only ever occur inside a longer recurring run are
 * left out. Single characters are kept too, as a last resort when no longer term fits.
 * Readings come from pinyin-pro on the whole sentence, so polyphones follow their context.
 */
export function buildPinyinLexicon(texts: readonly string[]): Record<string, string[]> {
  const counts = new Map<string, { count: number; reading: string }>();
  const terms = new Map<string, string>();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const readings = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((r) =>
        r.toLowerCase(),
      );
      if (readings.length !== [...run].length) continue;
      const chars = [...run];
      for (let n = 1; n <= MAX_TERM; n++) {
        for (let i = 0; i + n <= chars.length; i++) {
          const term = chars.slice(i, i + n).join('');
          const entry = counts.get(term);
          if (entry) entry.count += 1;
          else counts.set(term, { count: 1, reading: readings.slice(i, i + n).join('') });
        }
      }
      let offset = 0;
      for (const { segment, isWordLike } of segmenter.segment(run)) {
        const length = [...segment].length;
        if (isWordLike && length >= 2)
          terms.set(segment, readings.slice(offset, offset + length).join(''));
        offset += length;
      }
    }
    for (const match of text.matchAll(/[“「『"]([^”」』"]{2,8})[”」』"]/gu)) {
      const quoted = match[1]!;
      if ([...quoted].every((c) => HAN.test(c)))
        terms.set(
          quoted,
          counts.get(quoted)?.reading ??
            pinyin(quoted, { toneType: 'none', separator: '', v: true }),
        );
    }
  }
  // For each run, the count of its most frequent one-character extension on either side.
  const extension = new Map<string, number>();
  for (const [term, { count }] of counts) {
    const chars = [...term];
    if (chars.length < 3) continue;
    for (const part of [chars.slice(1).join(''), chars.slice(0, -1).join('')])
      extension.set(part, Math.max(extension.get(part) ?? 0, count));
  }
  for (const [term, { count, reading }] of counts) {
    const length = [...term].length;
    if (length === 1) {
      terms.set(term, reading);
      continue;
    }
    if (count < 2) continue;
    // Closed runs only: drop a run when a one-character-longer run occurs just as often.
    if ((extension.get(term) ?? 0) < count) terms.set(term, reading);
  }
  const lexicon: Record<string, string[]> = {};
  for (const [term, reading] of terms) {
    if (!/^[a-z]+$/.test(reading)) continue;
    (lexicon[reading] ??= []).push(term);
  }
  for (const list of Object.values(lexicon))
    list.sort(
      (a, b) => (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0) || a.localeCompare(b),
    );
  for (const key of Object.keys(lexicon)) lexicon[key] = lexicon[key]!.slice(0, 3);
  return lexicon;
}

/**
 * The Traditional-only characters whose Simplified form occurs in the corpus (OpenCC's
 * TSCharacters table). The search page loads the converter only when a query holds one of them.
 */
export function traditionalCharsFor(corpus: string): string {
  const present = new Set(corpus);
  const out = new Set<string>();
  for (const pair of (TSCharacters as string).split('|')) {
    const [traditional, simplified] = pair.split(' ');
    if (!traditional || !simplified || traditional === simplified) continue;
    if ([...simplified].some((c) => present.has(c))) out.add(traditional);
  }
  return [...out].sort().join('');
}
