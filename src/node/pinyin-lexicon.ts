import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  return buildPinyinData(texts).spell;
}

/**
 * The lexicon the search loads (PINYIN_LEXICON): `spell` as above, and `initials`: the first
 * letters of a term's syllables → its terms of two or more characters, most frequent first
 * (ywtb → 一网通办), for readers who type only initials.
 */
export interface PinyinData {
  spell: Record<string, string[]>;
  initials: Record<string, string[]>;
}

export function buildPinyinData(texts: readonly string[]): PinyinData {
  const counts = new Map<string, { count: number; readings: string[] }>();
  // A term's readings, or (for a quoted term) where to find them once every run is counted.
  const terms = new Map<string, string[] | (() => string[])>();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  // Reports repeat their phrases (and agencies each other's): pinyin, segmentation and the
  // substrings of a run are worked out once per distinct run, then counted by its occurrences.
  const runs = new Map<string, RunFacts | undefined>();
  const occurrences = new Map<string, number>();
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      let facts = runs.get(run);
      if (!runs.has(run)) runs.set(run, (facts = runFacts(run, segmenter)));
      if (!facts) continue;
      occurrences.set(run, (occurrences.get(run) ?? 0) + 1);
      for (const [segment, offset, length] of facts.words)
        terms.set(segment, facts.readings.slice(offset, offset + length));
    }
    for (const match of text.matchAll(/[“「『"]([^”」』"]{2,8})[”」』"]/gu)) {
      const quoted = match[1]!;
      if ([...quoted].every((c) => HAN.test(c)))
        terms.set(
          quoted,
          () =>
            counts.get(quoted)?.readings ??
            pinyin(quoted, { toneType: 'none', type: 'array', v: true }).map((r) =>
              r.toLowerCase(),
            ),
        );
    }
  }
  // In order of first occurrence, so each term keeps the readings of its first occurrence.
  for (const [run, times] of occurrences) {
    const { readings, chars } = runs.get(run)!;
    for (let n = 1; n <= MAX_TERM; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        // Code units equal characters when the run has no astral (surrogate pair) characters.
        const term =
          chars.length === run.length ? run.substring(i, i + n) : chars.slice(i, i + n).join('');
        const entry = counts.get(term);
        if (entry) entry.count += times;
        else counts.set(term, { count: times, readings: readings.slice(i, i + n) });
      }
    }
  }
  for (const [term, readings] of terms)
    if (typeof readings === 'function') terms.set(term, readings());
  // For each run, the count of its most frequent one-character extension on either side.
  const extension = new Map<string, number>();
  for (const [term, { count }] of counts) {
    const chars = [...term];
    if (chars.length < 3) continue;
    for (const part of [chars.slice(1).join(''), chars.slice(0, -1).join('')])
      extension.set(part, Math.max(extension.get(part) ?? 0, count));
  }
  for (const [term, { count, readings }] of counts) {
    const length = [...term].length;
    if (length === 1) {
      terms.set(term, readings);
      continue;
    }
    if (count < 2) continue;
    // Closed runs only: drop a run when a one-character-longer run occurs just as often.
    if ((extension.get(term) ?? 0) < count) terms.set(term, readings);
  }
  const spell: Record<string, string[]> = {};
  const initials: Record<string, string[]> = {};
  for (const [term, value] of terms) {
    const readings = value as string[];
    const reading = readings.join('');
    if (!/^[a-z]+$/.test(reading)) continue;
    (spell[reading] ??= []).push(term);
    if (readings.length >= 2) (initials[readings.map((r) => r[0]).join('')] ??= []).push(term);
  }
  const frequency = (a: string, b: string) =>
    (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0) || a.localeCompare(b);
  for (const map of [spell, initials])
    for (const key of Object.keys(map)) map[key] = map[key]!.sort(frequency).slice(0, 3);
  return { spell, initials };
}

interface RunFacts {
  chars: string[];
  readings: string[];
  /** Words of two or more characters: text, offset and length in characters. */
  words: [string, number, number][];
}

/** A run's readings (from pinyin-pro on the whole run) and its words; undefined if unreadable. */
function runFacts(run: string, segmenter: Intl.Segmenter): RunFacts | undefined {
  const chars = [...run];
  const readings = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((r) =>
    r.toLowerCase(),
  );
  if (readings.length !== chars.length) return undefined;
  const words: RunFacts['words'] = [];
  let offset = 0;
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    const length = [...segment].length;
    if (isWordLike && length >= 2) words.push([segment, offset, length]);
    offset += length;
  }
  return { chars, readings, words };
}

/**
 * Bump when buildPinyinData's output changes for the same texts: the cache key includes it, so a
 * lexicon made by older code is never reused.
 */
const LEXICON_FORMAT = 'pinyin-data-1';
export const CACHE_DIR = path.join('node_modules', '.cache', 'fzzf');

/**
 * buildPinyinData, cached between builds under node_modules/.cache/fzzf/ and keyed by a hash of
 * the texts (and the format), so a stale lexicon can never be used: any change to any section's
 * text is a new key. Only the newest entry is kept.
 */
export async function cachedPinyinLexicon(
  texts: readonly string[],
  cacheDir = CACHE_DIR,
): Promise<{ lexicon: PinyinData; cached: boolean }> {
  const hash = createHash('sha256').update(LEXICON_FORMAT);
  for (const text of texts) hash.update('\u0000').update(text);
  const file = path.join(cacheDir, `pinyin-${hash.digest('hex').slice(0, 32)}.json`);
  try {
    return { lexicon: JSON.parse(await readFile(file, 'utf8')) as PinyinData, cached: true };
  } catch {
    // Not cached yet (or unreadable): build it.
  }
  const lexicon = buildPinyinData(texts);
  try {
    await mkdir(cacheDir, { recursive: true });
    for (const name of await readdir(cacheDir))
      if (/^pinyin-[0-9a-f]+\.json$/.test(name))
        await rm(path.join(cacheDir, name), { force: true });
    await writeFile(file, JSON.stringify(lexicon));
  } catch {
    // A read-only or missing node_modules only costs the next build the same work.
  }
  return { lexicon, cached: false };
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
