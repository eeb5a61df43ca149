/**
 * Turns what a reader typed into what the index can find. Pure functions, no DOM: the search
 * page and the tests import them directly.
 */

/** Longest query the search works on; anything longer is cut, never an error. */
export const MAX_QUERY_LENGTH = 100;

/** A group of equivalent wordings from content/search/synonyms.yml: the term and what readers type for it. */
export interface SynonymGroup {
  term: string;
  aliases: string[];
}

/**
 * Canonical form of a query: Unicode NFKC (full-width letters and digits become ASCII), lower
 * case, control characters and surrounding quotes dropped, runs of spaces (full-width ones too)
 * made one, cut to MAX_QUERY_LENGTH characters.
 */
export function normaliseQuery(raw: string): string {
  const folded = String(raw ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  return [...folded].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/**
 * Dates written with separators become the form reports use: 2023-11-15, 2023.11.15,
 * 2023/11/15 and 2023年11月15号 → 2023年11月15日; 2023-11 → 2023年11月. Only real months and
 * days, so figures like 2.4 or 30.5 are left alone.
 */
export function normaliseDates(query: string): string {
  return query
    .replace(
      /(?<!\d)((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?:\s*[日号])?(?!\d)/g,
      (whole, y: string, m: string, d: string) =>
        validDay(Number(m), Number(d)) ? `${y}年${Number(m)}月${Number(d)}日` : whole,
    )
    .replace(
      /(?<!\d)((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})(?![\d.])/g,
      (whole, y: string, m: string) =>
        Number(m) >= 1 && Number(m) <= 12 ? `${y}年${Number(m)}月` : whole,
    )
    .replace(/(\d{1,2})月(\d{1,2})号/g, '$1月$2日')
    .replace(/(?<=\d年)0(\d)月/g, '$1月')
    .replace(/(?<=\d月)0(\d)日/g, '$1日');
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const LEADING_QUESTION =
  /^(?:请问|如何|怎样|怎么样|怎么|为什么|为何|什么是|是否|有没有|有哪些|哪些)\s*/u;
const TRAILING_QUESTION = /\s*(?:了吗|了没有|了没|吗|呢|么|没有)?\s*[?？]*$/u;

/**
 * Readers type questions (如何提升执法水平, 交通事故下降了吗). Question words never occur in the
 * answer, so they are dropped from the ends of the query; the middle is left as typed.
 * A query that is nothing but a question word is kept as it is.
 */
export function stripQuestion(query: string): string {
  const stripped = query.replace(LEADING_QUESTION, '').replace(TRAILING_QUESTION, '').trim();
  return stripped || query;
}

/**
 * Other wordings of the query from the synonym list: each group member found in the query is
 * replaced by the group's other members (反诈 → 电信网络诈骗, 下一步 → 下步). The query itself
 * comes first. At most `limit` variants.
 */
export function expandSynonyms(
  query: string,
  groups: readonly SynonymGroup[],
  limit = 6,
): string[] {
  const out = [query];
  for (const group of groups) {
    const members = [group.term, ...group.aliases];
    // Longest first, so 电信网络诈骗 is replaced whole rather than through a shorter member inside it.
    const found = [...members]
      .sort((a, b) => b.length - a.length)
      .find((member) => member && query.includes(member));
    if (!found) continue;
    for (const other of members) {
      if (other === found || out.length >= limit) continue;
      const variant = query.split(found).join(other);
      if (!out.includes(variant)) out.push(variant);
    }
  }
  return out;
}

/** True when the query holds a character of `traditionalChars` (the Traditional-only characters the site knows). */
export function hasTraditional(query: string, traditionalChars: string): boolean {
  if (!traditionalChars) return false;
  for (const char of query) if (traditionalChars.includes(char)) return true;
  return false;
}

/** A query that may be pinyin: Latin letters, spaces and apostrophes only, at least two letters. */
export function looksLikePinyin(query: string): boolean {
  return /^[a-z' ]+$/.test(query) && query.replace(/[' ]/g, '').length >= 2;
}

/**
 * Spells a pinyin query back into the corpus' own terms, using the build-time lexicon
 * (toneless pinyin → terms). The query is split into the fewest lexicon entries that spell it
 * exactly (yiwangtongban → 一网通办, zhifajiandu → 执法监督); spaces and apostrophes the
 * reader typed are kept as boundaries between phrases. Undefined when it cannot be spelled.
 */
export function pinyinToHan(
  query: string,
  lexicon: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  const parts: string[] = [];
  for (const chunk of query.split(/[ ']+/).filter(Boolean)) {
    const spelled = spellChunk(chunk, lexicon);
    if (spelled === undefined) return undefined;
    parts.push(spelled);
  }
  return parts.length ? parts.join(' ') : undefined;
}

const MAX_KEY = 48;

function spellChunk(
  chunk: string,
  lexicon: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  if (chunk.length > 200) return undefined;
  // best[i]: fewest pieces spelling chunk[0..i), with the pieces' text; ties keep longer pieces first.
  const best: ({ pieces: number; text: string[] } | undefined)[] = [{ pieces: 0, text: [] }];
  for (let end = 1; end <= chunk.length; end++) {
    for (let start = Math.max(0, end - MAX_KEY); start < end; start++) {
      const before = best[start];
      const terms = before && lexicon[chunk.slice(start, end)];
      if (!before || !terms?.length) continue;
      const candidate = { pieces: before.pieces + 1, text: [...before.text, terms[0]!] };
      const current = best[end];
      if (!current || candidate.pieces < current.pieces) best[end] = candidate;
    }
  }
  const found = best[chunk.length];
  if (!found) return undefined;
  // What the reader typed as one word stays one phrase (zhifajiandu → 执法监督, even when the
  // lexicon holds 执法 and 监督 apart); the ranking still finds its words when they are apart.
  return found.text.join('');
}

/** The lexicon the build writes (src/node/pinyin-lexicon.ts): full spellings and initials. */
export interface PinyinLexicon {
  spell: Readonly<Record<string, readonly string[]>>;
  initials: Readonly<Record<string, readonly string[]>>;
}

/**
 * The lexicon cut by the first letter of its keys, as the build writes it (one file per letter):
 * at thousands of reports the whole is hundreds of KB, and a query needs a few letters' worth.
 */
export function splitPinyinLexicon(lexicon: PinyinLexicon): Map<string, PinyinLexicon> {
  const parts = new Map<
    string,
    { spell: Record<string, string[]>; initials: Record<string, string[]> }
  >();
  for (const kind of ['spell', 'initials'] as const)
    for (const [key, terms] of Object.entries(lexicon[kind])) {
      const letter = key[0]!;
      let part = parts.get(letter);
      if (!part) parts.set(letter, (part = { spell: {}, initials: {} }));
      part[kind][key] = [...terms];
    }
  return parts;
}

/**
 * The letters whose lexicon files readPinyin needs for `query`, given the keys loaded so far:
 * the first letter of each word typed, and the letter at every place a loaded spelling reaches
 * (yiwang… needs y, then w once yi is known). Load them and ask again until nothing is new; the
 * answer is then the one the whole lexicon gives.
 */
export function pinyinLettersNeeded(query: string, lexicon: PinyinLexicon): Set<string> {
  const letters = new Set<string>();
  for (const chunk of query.split(/[ ']+/).filter(Boolean)) {
    if (chunk.length > 200) continue;
    const reached = new Array<boolean>(chunk.length + 1).fill(false);
    reached[0] = true;
    for (let start = 0; start < chunk.length; start++) {
      if (!reached[start]) continue;
      letters.add(chunk[start]!);
      for (let end = start + 1; end <= Math.min(chunk.length, start + MAX_KEY); end++)
        if (lexicon.spell[chunk.slice(start, end)]?.length) reached[end] = true;
    }
  }
  return letters;
}

/**
 * Reads a Latin query as pinyin: spelled in full (yiwangtongban → 一网通办), as initials
 * (ywtb → 一网通办), or as the start of a spelling (yiwang → 一网通办, the shortest term it
 * begins). Undefined when it is none of these.
 */
export function readPinyin(
  query: string,
  lexicon: PinyinLexicon,
): { text: string; how: 'spell' | 'initials' | 'prefix' } | undefined {
  const chunks = query.split(/[ ']+/).filter(Boolean);
  const joined = chunks.join('');
  // Several words typed apart, or one the lexicon knows whole: spell it.
  const whole = chunks.length === 1 ? lexicon.spell[joined]?.[0] : undefined;
  if (whole) return { text: whole, how: 'spell' };
  if (chunks.length > 1) {
    const spelled = pinyinToHan(query, lexicon.spell);
    if (spelled) return { text: spelled, how: 'spell' };
  }
  const initial = joined.length >= 2 ? lexicon.initials[joined]?.[0] : undefined;
  if (initial) return { text: initial, how: 'initials' };
  // Still typing (yiwang): the shortest term whose spelling starts with it.
  let best: string | undefined;
  if (joined.length >= 3)
    for (const key of Object.keys(lexicon.spell)) {
      if (!key.startsWith(joined) || key === joined) continue;
      if (!lexicon.spell[key]?.some((t) => [...t].length >= 2)) continue;
      if (!best || key.length < best.length || (key.length === best.length && key < best))
        best = key;
    }
  const term = best && lexicon.spell[best]?.find((t) => [...t].length >= 2);
  if (term) return { text: term, how: 'prefix' };
  const spelled = pinyinToHan(query, lexicon.spell);
  return spelled ? { text: spelled, how: 'spell' } : undefined;
}
