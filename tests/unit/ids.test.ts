import { describe, expect, it } from 'vitest';
import {
  aliasParagraphId,
  PARAGRAPH_ID,
  paragraphId,
  parseParagraphId,
  STABLE_ID,
} from '../../src/lib/addresses/ids.ts';

describe('ids', () => {
  it('numbers a section paragraph after its section and a preamble paragraph after intro', () => {
    expect(paragraphId('s1-2', 3)).toBe('s1-2-p3');
    expect(paragraphId(undefined, 1)).toBe('intro-p1');
    expect(paragraphId('', 2)).toBe('intro-p2');
  });

  it('parses what it formats, and nothing else', () => {
    expect(parseParagraphId(paragraphId('s3-4', 12))).toEqual({ prefix: 's3-4', n: 12 });
    expect(parseParagraphId('intro-p1')).toEqual({ prefix: 'intro', n: 1 });
    expect(parseParagraphId('s1-2')).toBeUndefined();
    expect(parseParagraphId('s1-p0')).toBeUndefined();
    expect(parseParagraphId('S1-p1')).toBeUndefined();
  });

  it('gives a paragraph its id under a former section id', () => {
    expect(aliasParagraphId('s1-9', 's1-2-p3')).toBe('s1-9-p3');
    expect(aliasParagraphId('s1-9', 's1-2')).toBeUndefined();
  });

  it('keeps section ids and paragraph ids apart only by the -pN suffix', () => {
    expect(STABLE_ID.test('s1-2')).toBe(true);
    expect(STABLE_ID.test('一')).toBe(false);
    expect(PARAGRAPH_ID.test('s1-2')).toBe(false);
    expect(PARAGRAPH_ID.test('s1-2-p1')).toBe(true);
  });
});
