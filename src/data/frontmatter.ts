import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { ContentIssue } from '../lib/content/errors.ts';
import { makeVisible } from '../lib/content/errors.ts';
import { lineAt, type PlacedYaml, readYaml } from './yaml-positions.ts';

/**
 * A Markdown file's frontmatter and body, split once with the parser Astro's loader uses (so what
 * passes the checks is what Astro publishes), with the YAML's positions for messages.
 */
export interface Frontmatter {
  /** The values as Astro reads them (dates as the publisher wrote them: see withDatesAsWritten). */
  data: Record<string, unknown>;
  /** The YAML between the --- lines, with its lines in the file. */
  yaml: PlacedYaml;
  /** The YAML as written, without the --- lines. */
  raw: string;
  /** The body: the file with the frontmatter blanked, so its line numbers are the file's. */
  body: string;
  /** The line the body's text starts on, below the closing ---. */
  bodyLine: number;
}

/**
 * Splits and parses `source`. Undefined when it has no frontmatter; a ContentIssue (without the
 * file) when the YAML cannot be read.
 */
export function readFrontmatter(
  source: string,
): Frontmatter | undefined | Omit<ContentIssue, 'file'> {
  let parsed: { frontmatter: Record<string, unknown>; rawFrontmatter: string; content: string };
  try {
    // 'empty-with-lines' keeps the body's line numbers those of the file.
    parsed = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    return yamlIssue(error, source);
  }
  if (!parsed.rawFrontmatter.trim()) return undefined;
  const start = source.indexOf(`---${parsed.rawFrontmatter}---`);
  // The raw YAML starts right after the opening ---, so its first line is that line.
  const firstLine = lineAt(source, start);
  const yaml = readYaml(parsed.rawFrontmatter, firstLine);
  return {
    data: withDatesAsWritten(parsed.frontmatter, [], (at) => yaml.doc.getIn(at as PropertyKey[])),
    yaml,
    raw: parsed.rawFrontmatter.replace(/^\r?\n/, '').replace(/\r?\n$/, ''),
    body: parsed.content,
    bodyLine: lineAt(source, start + parsed.rawFrontmatter.length + 6) + 1,
  };
}

/**
 * The line in the file of every frontmatter field and list item of `source` (a file that reads
 * as a frontmatter: see readFrontmatter), by dotted path (agency.id, figures.0), as
 * PlacedYaml.lines gives them. Found on first look: a build checks tens of thousands of files
 * and wants a field's line only for the few a message names, so the object reads the YAML's
 * positions when one of its fields is first asked for, and never otherwise.
 */
export function fieldLines(source: string): Readonly<Record<string, number>> {
  const lines: Record<string, number> = {};
  let read = false;
  const filled = () => {
    if (!read) {
      read = true;
      const parsed = readFrontmatter(source);
      if (parsed && 'yaml' in parsed) Object.assign(lines, parsed.yaml.lines());
    }
    return lines;
  };
  return new Proxy(lines, {
    get: (_, key) => Reflect.get(filled(), key),
    has: (_, key) => Reflect.has(filled(), key),
    ownKeys: () => Reflect.ownKeys(filled()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(filled(), key),
  });
}

/**
 * The YAML and the body of a Markdown file as text, the body from the line after the closing
 * ---; undefined when the file has no frontmatter.
 */
export function splitFrontmatter(
  source: string,
): { frontmatter: string; body: string } | undefined {
  const read = readFrontmatter(source);
  if (!read || !('yaml' in read)) return undefined;
  return {
    frontmatter: read.raw,
    body: read.body
      .split('\n')
      .slice(read.bodyLine - 2)
      .join('\n')
      .replace(/^\r?\n/, ''),
  };
}

/**
 * Dates as the publisher wrote them. Astro's YAML parser turns 2024-02-30 into 1 March without a
 * word, so each date it produced is replaced by its text in the file and checked as written.
 */
function withDatesAsWritten(
  value: Record<string, unknown>,
  at: PropertyKey[],
  rawValue: (at: readonly PropertyKey[]) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const here = [...at, key];
    if (inner instanceof Date) {
      const raw = rawValue(here);
      out[key] = typeof raw === 'string' ? raw : inner;
    } else if (inner && typeof inner === 'object' && !Array.isArray(inner))
      out[key] = withDatesAsWritten(inner as Record<string, unknown>, here, rawValue);
    else out[key] = inner;
  }
  return out;
}

const YAML_REASONS: [RegExp, string][] = [
  [/duplicated mapping key/, '同一个字段写了两次'],
  [/bad indentation|indentation/, '缩进不对'],
  [/unexpected end of the stream/, '引号或括号没有结束'],
  [/can not read a block mapping entry|multiline key/, '一行中有多余的冒号，或冒号后少了空格'],
  [/tab/, '用了制表符（Tab）缩进'],
];

/** A frontmatter that YAML cannot read, in Chinese, with the line in the file. */
function yamlIssue(error: unknown, source: string): Omit<ContentIssue, 'file'> {
  const { reason, mark } = error as {
    reason?: string;
    mark?: { line?: number; position?: number };
  };
  const what = YAML_REASONS.find(([pattern]) => pattern.test(reason ?? ''))?.[1];
  // The parser counts from the opening ---, where the raw YAML it was given starts.
  const opening = lineAt(source, source.indexOf('---'));
  const line = mark?.line === undefined ? undefined : mark.line + opening;
  const lineText = line === undefined ? undefined : source.split(/\r?\n/)[line - 1];
  return {
    ...(line ? { line } : {}),
    field: '（字段区）',
    found: `无法读取${what ? `：${what}` : ''}${lineText?.trim() && lineText.trim() !== '---' ? `（该行为 ${makeVisible(lineText.trim())}）` : ''}`,
    expected:
      '每行写成“字段: 值”（冒号后加一个空格），下级字段缩进两个空格，每个字段只写一次；值里有冒号或 # 时用引号括起来',
  };
}
