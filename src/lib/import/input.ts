import { type Block, blocksFromMarkdown, blocksFromPlainText } from './blocks.ts';
import { decodeText, type TextEncodingName } from './encoding.ts';

export type TextFormat = 'txt' | 'md';

/** A text file's bytes as blocks, or undefined when its encoding is not one the importer reads. */
export function blocksFromTextFile(
  bytes: Uint8Array,
  format: TextFormat,
): { blocks: Block[]; encoding: TextEncodingName } | undefined {
  const decoded = decodeText(bytes);
  if (!decoded) return undefined;
  const blocks =
    format === 'txt' ? blocksFromPlainText(decoded.text) : blocksFromMarkdown(decoded.text);
  return { blocks, encoding: decoded.encoding };
}
