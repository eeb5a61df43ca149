/**
 * Works out how a text file was saved. Reports reach the web team as UTF-8 (with or without a
 * BOM), as UTF-16 (Windows Notepad's "Unicode") or as GB18030/GBK (Chinese Windows' default
 * "ANSI"); a file in any other encoding must be refused rather than read as mojibake.
 */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Decodes `bytes` as UTF-8, UTF-16 or GB18030, or returns undefined when it is none of them. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decode(bytes, 'UTF-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decode(bytes, 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return decode(bytes, 'UTF-16BE');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decode(bytes, utf16);
  return decode(bytes, 'UTF-8') ?? (looksLikeGb(bytes) ? decode(bytes, 'GB18030') : undefined);
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText | undefined {
  try {
    const text = new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes);
    // Text files never hold NUL or other C0 controls than tab and line breaks.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return undefined;
    return { text, encoding };
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * UTF-16 saved without a BOM: ASCII characters (digits, line breaks) leave a zero byte on one
 * side of each pair, and neither UTF-8 nor GB18030 text ever holds a zero byte.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < Math.min(bytes.length, 8192); i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return undefined;
  // Some characters (一 U+4E00, the full-width space U+3000) put a zero on the other side.
  if (odd >= 3 * even) return 'UTF-16LE';
  if (even >= 3 * odd) return 'UTF-16BE';
  return undefined;
}

/**
 * GB18030's decoder accepts almost any byte soup (a Big5 or Latin-1 file decodes without error
 * into nonsense), so the bytes must also look like Chinese: in real text nearly every two-byte
 * character is full-width punctuation (lead byte A1–A9) or one of the 3,755 common characters
 * of GB2312 level 1 (lead byte B0–D7); nonsense scatters across the whole code space.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (
      trail >= 0xa1 &&
      trail <= 0xfe &&
      ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xd7))
    )
      common++;
    // GB18030's four-byte sequences have a digit second byte; they are rare and count as uncommon.
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1;
  }
  return pairs > 0 && common / pairs >= 0.8;
}
