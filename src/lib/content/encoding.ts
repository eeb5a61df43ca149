/**
 * Which text encoding a content file is in. The site reads UTF-8 only; files saved by Windows
 * tools in the default Chinese encoding (GBK/GB18030) or as "Unicode" (UTF-16) are recognised so
 * the message can say how to convert them instead of publishing a garbled title.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'unknown';

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (decodes('utf-8', bytes)) {
    // UTF-16 without a byte order mark is valid UTF-8 full of NUL bytes.
    const sample = bytes.subarray(0, 400);
    const nul = sample.filter((byte) => byte === 0).length;
    if (nul > sample.length / 4) {
      let even = 0;
      for (let i = 0; i < sample.length; i += 2) if (sample[i] === 0) even += 1;
      return even > nul / 2 ? 'utf-16be' : 'utf-16le';
    }
    return 'utf-8';
  }
  return decodes('gb18030', bytes) ? 'gb18030' : 'unknown';
}

function decodes(label: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const NAMES: Record<Exclude<Encoding, 'utf-8'>, string> = {
  'utf-16le': 'UTF-16（Windows 记事本中称为“Unicode”）',
  'utf-16be': 'UTF-16 BE（“Unicode big endian”）',
  gb18030: 'GBK / GB18030（Windows 中文系统的默认编码，即 ANSI）',
  unknown: '无法识别的编码（不是 UTF-8，也不是 GBK 或 UTF-16）',
};

/** Text of a UTF-8 file (a byte order mark is dropped), or what to tell the publisher. */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string } | { found: string; expected: string } {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes) };
  return {
    found: `文件的编码是 ${NAMES[encoding]}`,
    expected:
      'UTF-8 编码。用记事本打开该文件，“另存为”时在“编码”中选“UTF-8”后保存；或在 VS Code 中点右下角的编码名称，选“通过编码保存”→“UTF-8”',
  };
}
