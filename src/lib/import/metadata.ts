import { readDate } from './dates.ts';

/**
 * What a portal prints around a released text: 来源, 发布机构, 发布时间 or 发布日期, 索引号,
 * 文号, in any order and spacing, on one line or several, before or after the title.
 */
export interface ReleaseMetadata {
  /** 来源, kept as given (often the office that posted the text), or where a re-post came from. */
  source?: string;
  /** The label the source came with: 来源, 信息来源, 转自 … */
  sourceLabel?: string;
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
  /** 标题 / 名称, as a 政府信息公开 table names the document. */
  title?: string;
  /** Pairs that are not report metadata (浏览次数, 字号, 成文日期 …), reported as not imported. */
  other: string[];
}

type Field = 'source' | 'publisher' | 'published' | 'indexNumber' | 'documentNumber' | 'title';

// Labels as portals print them; mirrors converted to traditional characters print them so too.
const KEYS: Record<string, Field | undefined> = {
  来源: 'source',
  信息来源: 'source',
  文章来源: 'source',
  稿件来源: 'source',
  发布者: 'source',
  // A re-post names the site it copied from: the release's source, listed for the editor.
  转自: 'source',
  转载自: 'source',
  來源: 'source',
  信息來源: 'source',
  發布機構: 'publisher',
  发布机构: 'publisher',
  发文机关: 'publisher',
  发布单位: 'publisher',
  发文单位: 'publisher',
  发布时间: 'published',
  发布日期: 'published',
  發布時間: 'published',
  發布日期: 'published',
  时间: 'published',
  日期: 'published',
  标题: 'title',
  名称: 'title',
  信息名称: 'title',
  文件名称: 'title',
  公文名称: 'title',
  索引号: 'indexNumber',
  索引號: 'indexNumber',
  文号: 'documentNumber',
  發文字號: 'documentNumber',
  文號: 'documentNumber',
  发文字号: 'documentNumber',
  公开日期: 'published',
  // Known portal labels that are not report metadata: recognised so that the line is, and reported.
  成文日期: undefined,
  生成日期: undefined,
  发文日期: undefined,
  印发日期: undefined,
  主题词: undefined,
  关键词: undefined,
  所属机构: undefined,
  主題分類: undefined,
  體裁分類: undefined,
  体裁分类: undefined,
  组配分类: undefined,
  生效日期: undefined,
  废止日期: undefined,
  有效期: undefined,
  发布人: undefined,
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
// What a portal's table prints for a field it leaves empty: no value, not a 文号 called 无.
const EMPTY = /^(无|暂无|-+|—+|／|\/)$/;

/**
 * Reads a metadata line, e.g. `来源:XX区人民政府办公室 发布时间:2024-03-28 09:18`; undefined
 * when the line is not one: it must start with a known label. Each value runs to the next
 * known label, so an unknown label stays inside the value before it.
 */
export function readMetadataLine(line: string): ReleaseMetadata | undefined {
  // [ 标签 ] cells: the label's brackets and the spaces inside them go.
  const text = unspaceLabels(line)
    .replace(/[[【][\s\u3000]*([^\]】]{1,8}?)[\s\u3000]*[\]】]/g, (cell, label: string) =>
      label in KEYS ? `${label}：` : cell,
    )
    .replace(/^[\s\u3000【[]+/, '');
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
      if (EMPTY.test(value)) continue;
      if (metadata[field] === undefined) {
        metadata[field] = value;
        if (field === 'source') metadata.sourceLabel = key;
      }
    } else if (value !== '' && !/^[大中小\s]+$/.test(value)) {
      metadata.other.push(`${key}:${value}`);
    }
  }
  return metadata;
}

/**
 * A row of a portal's information table, as cells: `| [ 索引号 ] | 1150…/2026-00028 | [ 发文字号 ] | 无 |`
 * copied as Markdown, or cells separated by tabs as a browser copies them, or a Word table's row.
 * Label and value cells alternate; undefined unless the first cell is a known label.
 */
export function readMetadataCells(cells: readonly string[]): ReleaseMetadata | undefined {
  const filled = cells
    .map((cell) => cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  if (filled.length === 0) return undefined;
  const labelled = filled.map((cell) =>
    cell.replace(/^[[【［][\s\u3000]*(.*?)[\s\u3000]*[\]】］]$/, '$1').replace(/[:：]$/, ''),
  );
  if (!(labelled[0]! in KEYS)) return undefined;
  // Label and value on one line, as readMetadataLine reads them; a label's empty value stays empty.
  const pairs: string[] = [];
  for (let i = 0; i < labelled.length; i++) {
    const cell = labelled[i]!;
    if (cell in KEYS) {
      const next = labelled[i + 1];
      const value = next !== undefined && !(next in KEYS) ? next : '';
      pairs.push(`${cell}：${value}`);
      if (value !== '') i++;
    } else return undefined;
  }
  return readMetadataLine(pairs.join('　'));
}

/** Labels spaced out to line up in a table (索 引 号：, 标 and 题 with two U+3000 between), closed up. */
function unspaceLabels(line: string): string {
  return line.replace(
    /(?<![\u4e00-\u9fff])([\u4e00-\u9fff](?:[\s\u3000]+[\u4e00-\u9fff]){1,4})(?=[\s\u3000]*[:：])/g,
    (spaced) => {
      const label = spaced.replace(/[\s\u3000]+/g, '');
      return label in KEYS ? label : spaced;
    },
  );
}

/** Whether a line is a label alone (索引号, [ 发布日期 ], 来源：), its value being on the next line. */
export function isMetadataLabel(line: string): boolean {
  const label = unspaceLabels(line)
    .replace(/^[\s\u3000]*[[【]?[\s\u3000]*|[\s\u3000]*[\]】]?[\s\u3000]*$/g, '')
    .replace(/[:：]$/, '');
  return label in KEYS;
}

/** The cells of a line copied from a table: Markdown pipes or tabs; undefined for other lines. */
export function cellsOfLine(line: string): string[] | undefined {
  const text = line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (/^[|｜].*[|｜]$/.test(text)) return text.slice(1, -1).split(/[|｜]/);
  if (line.includes('\t')) return line.split('\t');
  return undefined;
}

/** Adds what `next` says to `into`, keeping the first value of each field. */
export function mergeMetadata(into: ReleaseMetadata, next: ReleaseMetadata): void {
  for (const field of ['source', 'publisher', 'indexNumber', 'documentNumber', 'title'] as const) {
    const value = next[field];
    if (into[field] === undefined && value !== undefined) {
      into[field] = value;
      if (field === 'source' && next.sourceLabel) into.sourceLabel = next.sourceLabel;
    }
  }
  if (into.published === undefined && next.published !== undefined) {
    into.published = next.published;
    if (next.publishedLabel) into.publishedLabel = next.publishedLabel;
    if (next.publishedTime) into.publishedTime = next.publishedTime;
  }
  // A table printed twice lists its other fields twice: once is enough.
  for (const pair of next.other) if (!into.other.includes(pair)) into.other.push(pair);
}
