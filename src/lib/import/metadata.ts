import { readDate } from './dates.ts';

/**
 * What a portal prints around a released text: 来源, 发布机构, 发布时间 or 发布日期, 索引号,
 * 文号, in any order and spacing, on one line or several, before or after the title.
 */
export interface ReleaseMetadata {
  /** 来源, kept as given (often the office that posted the text). */
  source?: string;
  /** 发布机构 / 发文机关, the agency that issued the text. */
  publisher?: string;
  /** 发布时间 or 发布日期: YYYY-MM-DD. */
  published?: string;
  /** The time of day a 发布时间 gave; the site keeps only the date. */
  publishedTime?: string;
  /** The label the date came with: 发布时间, 发布日期 … */
  publishedLabel?: string;
  indexNumber?: string;
  documentNumber?: string;
  /** Pairs that are not report metadata (浏览次数, 字号, 成文日期 …), reported as not imported. */
  other: string[];
}

type Field = 'source' | 'publisher' | 'published' | 'indexNumber' | 'documentNumber';

const KEYS: Record<string, Field | undefined> = {
  来源: 'source',
  信息来源: 'source',
  文章来源: 'source',
  发布机构: 'publisher',
  发文机关: 'publisher',
  发布单位: 'publisher',
  发文单位: 'publisher',
  发布时间: 'published',
  发布日期: 'published',
  时间: 'published',
  日期: 'published',
  索引号: 'indexNumber',
  文号: 'documentNumber',
  发文字号: 'documentNumber',
  // Known portal labels that are not report metadata: recognised so that the line is, and reported.
  成文日期: undefined,
  更新时间: undefined,
  主题分类: undefined,
  分类: undefined,
  公开方式: undefined,
  公开范围: undefined,
  公开时限: undefined,
  有效性: undefined,
  浏览次数: undefined,
  访问次数: undefined,
  点击数: undefined,
  点击量: undefined,
  阅读次数: undefined,
  访问量: undefined,
  作者: undefined,
  编辑: undefined,
  责任编辑: undefined,
  字号: undefined,
  字体: undefined,
};

const KEY = new RegExp(
  `(${Object.keys(KEYS)
    .sort((a, b) => b.length - a.length)
    .join('|')})[\\s\\u3000]*[:：]`,
  'g',
);
const SEPARATORS = /^[\s\u3000|｜丨/【】[\]]+|[\s\u3000|｜丨/【】[\]]+$/g;

/**
 * Reads a metadata line, e.g. `来源:XX区人民政府办公室 发布时间:2024-03-28 09:18`; undefined
 * when the line is not one: it must start with a known label. Each value runs to the next
 * known label, so an unknown label stays inside the value before it.
 */
export function readMetadataLine(line: string): ReleaseMetadata | undefined {
  const text = line.replace(/^[\s\u3000【[]+/, '');
  const matches = [...text.matchAll(KEY)];
  if (matches.length === 0 || matches[0]!.index !== 0) return undefined;
  const metadata: ReleaseMetadata = { other: [] };
  for (const [i, match] of matches.entries()) {
    const key = match[1]!;
    const start = match.index + match[0].length;
    const value = text.slice(start, matches[i + 1]?.index ?? text.length).replace(SEPARATORS, '');
    const field = KEYS[key];
    if (field === 'published') {
      const date = readDate(value);
      if (!date) {
        // 时间 or 日期 followed by something else is not metadata but a sentence.
        if (key === '时间' || key === '日期') return undefined;
        metadata.other.push(`${key}:${value}`);
      } else if (metadata.published === undefined) {
        metadata.published = date.date;
        metadata.publishedLabel = key;
        if (date.time) metadata.publishedTime = date.time;
      }
    } else if (field && value !== '') {
      metadata[field] ??= value;
    } else if (value !== '' && !/^[大中小\s]+$/.test(value)) {
      metadata.other.push(`${key}:${value}`);
    }
  }
  return metadata;
}

/** Adds what `next` says to `into`, keeping the first value of each field. */
export function mergeMetadata(into: ReleaseMetadata, next: ReleaseMetadata): void {
  for (const field of ['source', 'publisher', 'indexNumber', 'documentNumber'] as const) {
    const value = next[field];
    if (into[field] === undefined && value !== undefined) into[field] = value;
  }
  if (into.published === undefined && next.published !== undefined) {
    into.published = next.published;
    if (next.publishedLabel) into.publishedLabel = next.publishedLabel;
    if (next.publishedTime) into.publishedTime = next.publishedTime;
  }
  into.other.push(...next.other);
}
