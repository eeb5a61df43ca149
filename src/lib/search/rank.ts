import type { ExcerptPart } from './excerpt.ts';

/**
 * Ranks report sections for a query. The engine (Pagefind) finds candidates; this decides their
 * order, the paragraph a result leads to and the excerpt it shows. Pure: the tests run it on
 * fixture sections.
 *
 * Why not the engine's order: Pagefind scores a section by the words of the query it holds,
 * and a query like 4家派出所 is segmented into 4 / 家 / 派出所, so a long section full of the
 * common character 家 can outrank the one holding the whole term. Here the whole phrase as
 * typed counts most, then the longest run of it found, then its words weighted by length, so a
 * single common character can only break ties.
 */

/** A candidate section with its text. */
export interface SectionCandidate {
  /** Where the result leads, the section anchor in the full report. */
  url: string;
  /** Section heading as shown, numbering included; '' for a report's preamble. */
  heading: string;
  /** Heading followed by the paragraphs, as indexed. */
  content: string;
  /** Paragraph ids and where each starts in content. */
  paragraphs: { id: string; start: number }[];
  /** Position in the engine's own order, 0 first: the last tie-breaker. */
  engineRank: number;
}

export interface RankedSection<T extends SectionCandidate = SectionCandidate> {
  candidate: T;
  score: number;
  /** Anchor to land on: the section, or the paragraph holding the match when it is not the first. */
  href: string;
  excerpt: ExcerptPart[];
  /** The pieces of the query found in the section, longest first: what the landing page highlights. */
  pieces: string[];
}

/** Text folded for matching: NFKC, lower case, no spaces or punctuation, with a map back to the original. */
interface Folded {
  text: string;
  /** map[i] is the index in the original string of folded character i. */
  map: number[];
}

const IGNORED = /[\s\p{P}\p{S}]/u;

export function fold(original: string): Folded {
  let text = '';
  const map: number[] = [];
  let index = 0;
  for (const char of original) {
    const normal = char.normalize('NFKC').toLowerCase();
    for (const c of normal) {
      if (IGNORED.test(c)) continue;
      text += c;
      for (let k = 0; k < c.length; k++) map.push(index);
    }
    index += char.length;
  }
  return { text, map };
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : undefined;

/** The words of a phrase, as the browser segments Chinese. */
export function wordsOf(phrase: string): string[] {
  if (!segmenter) return [...phrase];
  return [...segmenter.segment(phrase)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The folded phrases of a query: what the reader separated with spaces. */
export function phrasesOf(query: string): string[] {
  return query
    .split(' ')
    .map((part) => fold(part).text)
    .filter(Boolean);
}

/**
 * Longest substring of `phrase` (at least 2 characters) found in `text`. A run found means all
 * its shorter parts are found too, so the length is found by bisection; phrases are capped.
 */
function longestRun(phrase: string, text: string): string {
  const chars = [...phrase].slice(0, 32);
  const find = (length: number) => {
    for (let start = 0; start + length <= chars.length; start++) {
      const run = chars.slice(start, start + length).join('');
      if (text.includes(run)) return run;
    }
    return '';
  };
  let best = '';
  let [low, high] = [2, chars.length];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = find(middle);
    if (run) {
      best = run;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

const len = (s: string) => [...s].length;

interface Match {
  score: number;
  /** The pieces of the query found, longest first, for marking and locating. */
  pieces: string[];
}

/** Scores one section for one wording of the query. */
export function scoreSection(heading: string, body: string, query: string): Match {
  return scoreFolded(fold(heading).text, fold(body).text, query);
}

function scoreFolded(foldedHeading: string, foldedBody: string, query: string): Match {
  let score = 0;
  const pieces = new Set<string>();
  const phrases = phrasesOf(query);
  let matchedPhrases = 0;
  for (const phrase of phrases) {
    const n = len(phrase);
    let phraseScore = 0;
    const inHeading = foldedHeading.includes(phrase);
    const inBody = foldedBody.includes(phrase);
    if (inHeading || inBody) {
      // The whole phrase as typed: the strongest signal, heading above text.
      phraseScore +=
        (inHeading ? 3 : 0) * n * n +
        (inBody ? 2 * n * n + Math.min(countOf(foldedBody, phrase), 5) : 0) +
        10;
      pieces.add(phrase);
    } else {
      // Terms adjacent as typed: the longest run of the phrase found.
      const run = longestRun(phrase, `${foldedHeading}\u0000${foldedBody}`);
      if (run) {
        phraseScore += len(run) ** 2 * (foldedHeading.includes(run) ? 1.5 : 1);
        pieces.add(run);
      }
      // Then the phrase's words, weighted by length so a single character barely counts; and
      // a section sharing only single characters with a longer phrase does not match it at all.
      for (const word of run || n === 1 ? wordsOf(phrase) : []) {
        const folded = fold(word).text;
        if (!folded || !(foldedHeading.includes(folded) || foldedBody.includes(folded))) continue;
        const w = len(folded);
        phraseScore += w >= 2 ? (w * w) / 2 : 0.1;
        if (w >= 2 || n === 1) pieces.add(folded);
      }
    }
    if (phraseScore > 0) matchedPhrases += 1;
    score += phraseScore;
  }
  // Every phrase the reader typed should be there: a section holding all of them goes first.
  if (phrases.length > 1) score *= (1 + matchedPhrases) / (1 + phrases.length);
  return { score, pieces: [...pieces].sort((a, b) => len(b) - len(a)) };
}

function countOf(text: string, piece: string): number {
  let count = 0;
  for (
    let at = text.indexOf(piece);
    at !== -1 && count < 100;
    at = text.indexOf(piece, at + piece.length)
  )
    count += 1;
  return count;
}

/**
 * Orders candidates by their best score over the wordings of the query (the query itself,
 * its synonyms, its Simplified or pinyin spelling), dropping those that match nothing.
 * Ties keep the engine's order.
 */
export function rankSections<T extends SectionCandidate>(
  candidates: readonly T[],
  wordings: readonly string[],
): RankedSection<T>[] {
  const ranked: RankedSection<T>[] = [];
  for (const candidate of candidates) {
    const foldedHeading = foldCached(candidate.heading);
    const foldedBody = foldCached(candidate.content.slice(candidate.heading.length));
    let best: Match = { score: 0, pieces: [] };
    for (const wording of wordings) {
      const match = scoreFolded(foldedHeading, foldedBody, wording);
      if (match.score > best.score) best = match;
    }
    if (best.score <= 0) continue;
    // The preamble names the place and year and sums up everything: it answers a topic only
    // when no section of its own does as well.
    if (!candidate.heading) best = { ...best, score: best.score * PREAMBLE_WEIGHT };
    const located = locate(candidate, best.pieces);
    ranked.push({
      candidate,
      score: best.score,
      href: located.href,
      excerpt: located.excerpt,
      pieces: best.pieces,
    });
  }
  return ranked.sort(
    (a, b) => b.score - a.score || a.candidate.engineRank - b.candidate.engineRank,
  );
}

const PREAMBLE_WEIGHT = 0.8;

/** Sections' folded texts, kept across the searches of a page: they do not change. */
const folds = new Map<string, string>();
function foldCached(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    if (folds.size > 2000) folds.clear();
    folded = fold(text).text;
    folds.set(text, folded);
  }
  return folded;
}

const EXCERPT_LENGTH = 90;

/** Finds the paragraph holding the strongest piece and cuts an excerpt around it with the pieces marked. */
export function locate(
  candidate: SectionCandidate,
  pieces: readonly string[],
): { href: string; excerpt: ExcerptPart[] } {
  const { content, paragraphs } = candidate;
  const folded = fold(content);
  const bodyStart = candidate.heading.length;
  let at = -1;
  for (const piece of pieces) {
    // The first occurrence in the text below the heading.
    let index = folded.text.indexOf(piece);
    while (index !== -1 && folded.map[index]! < bodyStart)
      index = folded.text.indexOf(piece, index + 1);
    if (index !== -1) {
      at = folded.map[index]!;
      break;
    }
  }
  const paragraphIndex = at === -1 ? 0 : paragraphs.findLastIndex((p) => p.start <= at);
  const paragraph = paragraphs[Math.max(paragraphIndex, 0)];
  const anchor = candidate.url.indexOf('#');
  const page = anchor === -1 ? candidate.url : candidate.url.slice(0, anchor);
  // A match in the first paragraph lands on the section itself, so the heading stays in view.
  const href = paragraph && paragraphIndex > 0 ? `${page}#${paragraph.id}` : candidate.url;
  if (!paragraph) return { href, excerpt: [] };
  const next = paragraphs[paragraphs.indexOf(paragraph) + 1];
  const end = next ? next.start - 1 : content.length;
  const from =
    at === -1 ? paragraph.start : Math.max(paragraph.start, at - Math.floor(EXCERPT_LENGTH / 3));
  const to = Math.min(end, from + EXCERPT_LENGTH);
  const text = content.slice(from, to);
  const excerpt = markPieces(text, pieces);
  if (from > paragraph.start) excerpt.unshift({ text: '…', marked: false });
  if (to < end) excerpt.push({ text: '…', marked: false });
  return { href, excerpt };
}

/** Splits text into runs, marking every place a piece occurs (punctuation and width ignored). */
export function markPieces(text: string, pieces: readonly string[]): ExcerptPart[] {
  const folded = fold(text);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const piece of pieces) {
    if (!piece) continue;
    for (
      let i = folded.text.indexOf(piece);
      i !== -1;
      i = folded.text.indexOf(piece, i + piece.length)
    ) {
      const start = folded.map[i]!;
      const last = folded.map[i + piece.length - 1]!;
      const stop = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      for (let k = start; k < stop; k++) marked[k] = true;
    }
  }
  const parts: ExcerptPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.marked === marked[i]) last.text += text[i];
    else parts.push({ text: text[i]!, marked: marked[i]! });
  }
  return parts;
}

/** Parses the paragraph offsets written by recordContent (src/node/page-records.ts, build side). */
export function parseOffsets(offsets: string | undefined): { id: string; start: number }[] {
  return (offsets ?? '')
    .split(' ')
    .map((entry) => /^([\w-]+):(\d+)$/.exec(entry))
    .filter((match) => match !== null)
    .map((match) => ({ id: match[1]!, start: Number(match[2]) }));
}
