/**
 * Shows ASCII punctuation that sits in Chinese text as its full-width form (GB/T 15834):
 * many web releases type `,` `(` `)` `:` `;` `?` `!` inside Chinese sentences. Content files keep the
 * text as released; the site converts at render time, so wording and figures are never touched.
 * Punctuation between Latin letters or digits (2.4, 1,000, https://) stays as it is.
 */
const CJK = String.raw`\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》…—`;
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
};

// A mark converts when the character before it is CJK, or (for all but the colon, which
// precedes URLs and times) when the character after it is.
const AFTER_CJK = new RegExp(String.raw`(?<=[${CJK}])[,():;?!]`, 'gu');
const BEFORE_CJK = new RegExp(String.raw`[,();?!](?=[${CJK}])`, 'gu');

export function toFullWidthPunctuation(text: string): string {
  return text
    .replace(AFTER_CJK, (mark) => FULL_WIDTH[mark]!)
    .replace(BEFORE_CJK, (mark) => FULL_WIDTH[mark]!);
}
