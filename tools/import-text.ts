// Turns a report released as plain text into a report folder under content/reports/.
// Usage: node tools/import-text.ts <file.txt> --agency-id <id> --agency <全称> --short-name <简称>
//        [--source-url <url>] [--out content/reports] [--force]
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { importPlainText, type ImportedSection } from '../src/lib/import-text.ts';
import { parseNumbering } from '../src/lib/content/numbering.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'agency-id': { type: 'string' },
    agency: { type: 'string' },
    'short-name': { type: 'string' },
    'source-url': { type: 'string' },
    out: { type: 'string', default: 'content/reports' },
    force: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`导入失败：${message}`);
  process.exit(1);
}

const [file] = positionals;
if (!file)
  fail(
    '请给出要导入的纯文本文件，例如 node tools/import-text.ts 报告.txt --agency-id jiading-police',
  );
const agencyId =
  values['agency-id'] ?? fail('缺少 --agency-id（机构的英文标识，例如 jiading-police）');

const report = importPlainText(await readFile(file, 'utf8'));
if (report.year === undefined) fail(`${file}：标题“${report.title}”中没有找到年份（如 2023年）`);
if (report.published === undefined) fail(`${file}：第二行应为“发布日期:YYYY-MM-DD”`);
if (report.signature === undefined) fail(`${file}：末尾应为落款单位和日期（如“2024年3月22日”）`);
if (report.parts.length === 0) fail(`${file}：没有找到“一、”式编号的部分`);

const folder = path.join(values.out, `${report.year}-${agencyId}`);
if (existsSync(folder) && !values.force) fail(`${folder} 已存在；如需覆盖请加 --force`);
await mkdir(folder, { recursive: true });

const frontmatter = (data: object, body: string[]) =>
  `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;

await writeFile(
  path.join(folder, 'report.md'),
  frontmatter(
    {
      title: report.title,
      agency: {
        name: values.agency ?? report.signature.body,
        shortName: values['short-name'] ?? report.title.split(/\d{4}年/)[0],
        id: agencyId,
      },
      year: report.year,
      published: report.published,
      signature: report.signature,
      summary: report.preamble[0]?.split('。')[0] + '。',
      ...(values['source-url'] ? { sourceUrl: values['source-url'] } : {}),
    },
    report.preamble,
  ),
);

let written = 1;
const sectionFile = async (id: string, section: ImportedSection, order: number, extra: object) => {
  const data = {
    id,
    numbering: section.numbering,
    title: section.title,
    order,
    ...extra,
    ...(section.runIn ? { runIn: true } : {}),
  };
  await writeFile(path.join(folder, `${id}.md`), frontmatter(data, section.paragraphs));
  written++;
};
for (const part of report.parts) {
  const n = parseNumbering(part.numbering)!.n;
  // item must be chosen by a person: the importer cannot tell 成效 from 不足 reliably.
  await sectionFile(`s${n}`, part, n, { item: '其他' });
  for (const sub of part.subsections) {
    const m = parseNumbering(sub.numbering)!.n;
    await sectionFile(`s${n}-${m}`, sub, m, { parent: `s${n}` });
  }
}

console.log(`已导入 ${file} → ${folder}（${written} 个文件）`);
if (report.dropped.length) console.log(`未导入的网页附注：${report.dropped.join('；')}`);
console.log(
  '请检查每个顶级部分的 item（法定报告事项），并核对 report.md 中的 summary 与机构名称。',
);
