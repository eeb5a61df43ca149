import { decodeText, type TextEncodingName } from '../import/encoding.ts';

/**
 * Which text encoding a content file is in. The site reads UTF-8 only; files saved by Windows
 * tools in the default Chinese encoding (GBK/GB18030) or as "Unicode" (UTF-16) are recognised so
 * the message can say how to convert them instead of publishing a garbled title.
 */
const NAMES: Record<Exclude<TextEncodingName, 'UTF-8'> | 'unknown', string> = {
  'UTF-16LE': 'UTF-16（Windows 记事本中称为“Unicode”）',
  'UTF-16BE': 'UTF-16 BE（“Unicode big endian”）',
  GB18030: 'GBK / GB18030（Windows 中文系统的默认编码，即 ANSI）',
  unknown: '无法识别的编码（不是 UTF-8，也不是 GBK 或 UTF-16）',
};

/** Text of a UTF-8 file (a byte order mark is dropped), or what to tell the publisher. */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string } | { found: string; expected: string } {
  // One detector for the content check and the importer (src/lib/import/encoding.ts).
  const decoded = decodeText(bytes);
  if (decoded?.encoding === 'UTF-8') return { text: decoded.text };
  // UTF-8 holding a stray control character: the importer refuses such a release, but a content
  // file is read as it is and its characters shown by name where they matter (makeVisible).
  if (!decoded) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8 either: named below.
    }
  }
  return {
    found: `文件的编码是 ${NAMES[decoded?.encoding ?? 'unknown']}`,
    expected:
      'UTF-8 编码。用记事本打开该文件，“另存为”时在“编码”中选“UTF-8”后保存；或在 VS Code 中点右下角的编码名称，选“通过编码保存”→“UTF-8”',
  };
}
