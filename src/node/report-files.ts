import { Document, type Scalar } from 'yaml';
import { type ImportPlan, sectionData } from '../lib/import/plan.ts';

/**
 * The files of an imported report folder (file name → content): YAML frontmatter with the
 * importer's comments (what was guessed, what is missing) and the Markdown body.
 */
export function renderReportFiles(plan: ImportPlan): Map<string, string> {
  const files = new Map<string, string>();
  const report = new Document(plan.data);
  report.commentBefore = plan.header.map((line) => ` ${line}`).join('\n');
  for (const [field, text] of Object.entries(plan.comments)) comment(report, field, text);
  files.set('report.md', markdownFile(report, plan.preamble));
  for (const section of plan.sections) {
    const doc = new Document(sectionData(section));
    if (section.itemComment) comment(doc, 'item', section.itemComment);
    files.set(`${section.id}.md`, markdownFile(doc, section.paragraphs));
  }
  return files;
}

function comment(doc: Document, field: string, text: string) {
  const node = doc.getIn(field.split('.'), true) as Scalar | undefined;
  if (node) node.comment = ` ${text}`;
}

function markdownFile(doc: Document, body: readonly string[]): string {
  // lineWidth 0: a long summary or title stays on one line, as publishers edit it.
  return `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
}
