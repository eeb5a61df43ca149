/**
 * The files search reads, as paths under the site's base (re-exported by urls.ts). A module of
 * its own so that the page script every page loads, which starts loading them when the search
 * box is focused, does not carry urls.ts's every path builder.
 */

/** Pagefind's engine, written by the search integration after the build. */
export const PAGEFIND_DIR = 'pagefind/';
export const PAGEFIND_ENGINE = `${PAGEFIND_DIR}pagefind.js`;
/**
 * The pinyin lexicon, written beside the index by the search integration: one file per first
 * letter of its keys (search/pinyin/y.json), so a Latin query loads only the letters it spells.
 */
export const PINYIN_DIR = 'search/pinyin/';
export const pinyinLexiconFile = (letter: string): string => `${PINYIN_DIR}${letter}.json`;
/** The agencies and years the index holds, for scoping queries; written beside the lexicon. */
export const SEARCH_SCOPE = 'search/scope.json';
