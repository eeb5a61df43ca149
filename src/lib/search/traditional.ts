import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/**
 * Traditional → Simplified, OpenCC's t2s chain (phrases first, then characters). Only the two
 * dictionaries it needs are bundled; the search page imports this module only when a query
 * holds a Traditional-only character.
 */
export const toSimplified: (text: string) => string = ConverterFactory([TSPhrases, TSCharacters]);
