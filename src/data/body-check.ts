import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { findUnsafeContent } from '../markdown/remark-safe-content.ts';
import { type BodyFacts, inspectBody } from '../lib/content/body.ts';
import type { ContentIssue } from '../lib/content/errors.ts';
import { type BodyUnit, bodyUnits } from '../lib/editions/shown.ts';

/**
 * A body's problems (safety rules, structure) with their lines in the file, given the line the
 * body starts on.
 */
export function checkBody(file: string, body: string, firstLine: number): ContentIssue[] {
  return readBody(file, body, firstLine).issues;
}

export function readBody(
  file: string,
  body: string,
  firstLine: number,
): { issues: ContentIssue[]; facts?: BodyFacts; units?: BodyUnit[] } {
  const issues: ContentIssue[] = [];
  const processor = unified().use(remarkParse);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  const at = (line: number | undefined) =>
    line === undefined ? {} : { line: line + firstLine - 1 };
  let tree: Node;
  try {
    tree = processor.parse(body);
  } catch (error) {
    const { line } = error as { line?: number };
    issues.push({
      file,
      ...at(line),
      field: '（正文）',
      found: 'MDX 语法无法解析：花括号 { } 或尖括号 < > 没有配对',
      expected:
        'MDX 中 { } 和 < > 有特殊含义；报告正文请改存为 .md 文件，或删除这些符号。MDX 中不能写代码',
    });
    return { issues };
  }
  for (const unsafe of findUnsafeContent(tree))
    issues.push({
      file,
      ...at(unsafe.line),
      field: '（正文）',
      found: unsafe.message,
      expected: '只用 Markdown 书写正文，不含可执行代码',
    });
  const facts = inspectBody(tree);
  for (const problem of facts.problems)
    issues.push({
      file,
      ...at(problem.line),
      field: '（正文）',
      found: problem.message,
      expected: '正文只含段落、列表、加粗和链接',
    });
  // What readers see of the body, unit by unit, for the edition record's change detection.
  return { issues, facts, units: bodyUnits(tree, body) };
}
