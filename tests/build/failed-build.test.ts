import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, type ExpectStatic, it } from 'vitest';
import {
  makeFixture,
  makePreviousSite,
  type Patch,
  runBuildAsync,
  treeDigest,
} from '../support/catalogue.ts';
import { ROOT } from '../support/dist.ts';

// The catalogue of content that must not be published. Each case is the valid fixture with one
// file patched, built with the real build (tools/build.ts) over a stand-in previous site; the
// case asserts the exit code, the publisher's whole message, and that the previous site and
// everything beside it are byte-identical afterwards. Cases refused by the content check never
// start Astro, which keeps the catalogue fast; add a case for every new refusal.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-catalogue-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const REPORT = '2024-test-agency/report.md';
const PART = '2024-test-agency/s2.md';
const PART_ONE = '2024-test-agency/s1.md';
const SUBSECTION = '2024-test-agency/s1-1.md';
const set = (field: string, value: string) => (text: string) =>
  text.replace(new RegExp(`^(\\s*)${field}:.*$`, 'm'), `$1${value}`);
const body = (text: string) => (file: string) =>
  file.replace(/\n---\n[\s\S]*$/, `\n---\n\n${text}`);
const mdx = (text: string): Patch => ({
  [PART]: null,
  '2024-test-agency/s2.mdx': readFileSync(
    path.join(ROOT, 'tests/fixtures/valid', PART),
    'utf8',
  ).replace(/\n---\n[\s\S]*$/, `\n---\n\n${text}`),
});

/** Builds a patched fixture that must fail; returns the message with scratch paths shortened. */
async function refused(
  expect: ExpectStatic,
  name: string,
  patch: Patch,
  env: Record<string, string> = {},
  prepare?: (outDir: string) => void,
): Promise<string> {
  const reports = makeFixture(path.join(scratch, name, 'reports'), patch);
  const outDir = path.join(scratch, name, 'site', 'dist');
  makePreviousSite(outDir);
  prepare?.(outDir);
  const before = treeDigest(outDir);
  const run = await runBuildAsync(outDir, { REPORTS_DIR: reports, ...env });
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(treeDigest(outDir), 'the previous site and its surroundings are unchanged').toBe(before);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error:/);
  const shown = path.relative(ROOT, path.join(scratch, name));
  return run.stderr.trim().replaceAll(shown, '<case>');
}

describe.concurrent('the catalogue of content that is refused', () => {
  it('names a misspelt field and suggests the right one', async ({ expect }) => {
    expect(await refused(expect, 'misspelt-field', { [REPORT]: set('summary', 'sumary: 摘要。') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 2 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md
        字段：summary
        发现：（未填写）
        应为：必须填写：一段文字

      <case>/reports/2024-test-agency/report.md:12
        字段：sumary
        发现：不认识的字段 sumary
        应为：是不是 summary？请把字段名改为 summary"
    `);
  });

  it('names a misspelt nested field', async ({ expect }) => {
    expect(
      await refused(expect, 'misspelt-nested', { [REPORT]: set('shortName', 'shortname: 测试局') }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 2 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:3
        字段：agency.shortName
        发现：（未填写）
        应为：必须填写：一段文字

      <case>/reports/2024-test-agency/report.md:5
        字段：agency.shortname
        发现：不认识的字段 shortname
        应为：是不是 shortName？请把字段名改为 shortName"
    `);
  });

  it('refuses a title of 5,000 characters, showing its start and length', async ({ expect }) => {
    expect(
      await refused(expect, 'long-title', {
        [REPORT]: set('title', `title: ${'很长'.repeat(2500)}`),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:2
        字段：title
        发现：“很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长……”（共 5000 个字）
        应为：不超过 80 个字；请缩短"
    `);
  });

  it('asks for a number without quotes when the year is quoted', async ({ expect }) => {
    expect(await refused(expect, 'quoted-year', { [REPORT]: set('year', 'year: "2024"') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:7
        字段：year
        发现：“2024”
        应为：数字（不加引号），例如 2024"
    `);
  });

  it('lists the statutory items in Chinese when item is not one of them', async ({ expect }) => {
    expect(await refused(expect, 'bad-item', { [PART]: set('item', 'item: 成效') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:6
        字段：item
        发现：“成效”
        应为：以下之一（照原样填写）：主要举措和成效 / 存在的不足和原因 / 第一责任人职责 / 下一年度主要安排 / 其他"
    `);
  });

  it('explains a web address without http(s)', async ({ expect }) => {
    expect(
      await refused(expect, 'bad-url', {
        [REPORT]: set('indexNumber', 'indexNumber: TEST-2025-001\nsourceUrl: www.example.gov.cn'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:14
        字段：sourceUrl
        发现：“www.example.gov.cn”
        应为：以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/art/2024/3/28/art_1.html"
    `);
  });

  it('refuses an order of 100 naming the file', async ({ expect }) => {
    expect(await refused(expect, 'order-100', { [PART]: set('order', 'order: 100') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:5
        字段：order
        发现：100
        应为：不大于 99 的数"
    `);
  });

  it('blames only the section after a gap in order', async ({ expect }) => {
    expect(
      await refused(expect, 'order-gap', {
        [PART]: (text) => set('numbering', 'numbering: 三、')(set('order', 'order: 3')(text)),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:5
        字段：order
        发现：3，前面缺少 order 为 2 的同级章节
        应为：同级章节的 order 从 1 起连续编号：补上缺少的章节，或把本节及其后各节的 order 依次改小"
    `);
  });

  it('blames the section whose order changed, not the one after the gap it left', async ({
    expect,
  }) => {
    expect(await refused(expect, 'order-moved', { [PART_ONE]: set('order', 'order: 3') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s1.md:5
        字段：order
        发现：3，但 numbering 是 “一、”，同级章节中缺少 order 为 1 的一节
        应为：order: 1，与 numbering 一致；若要移动本节，请同时改 numbering 和其他同级章节的 order"
    `);
  });

  it('refuses a date that does not exist, as written', async ({ expect }) => {
    expect(
      await refused(expect, 'bad-date', { [REPORT]: set('published', 'published: 2025-02-30') }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:8
        字段：published
        发现：“2025-02-30”
        应为：真实存在的日期，格式 YYYY-MM-DD，例如 2024-03-22"
    `);
  });

  it('refuses numbering that does not match the order', async ({ expect }) => {
    expect(
      await refused(expect, 'bad-numbering', { [SUBSECTION]: set('numbering', 'numbering: (二)') }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s1-1.md:3
        字段：numbering
        发现：“(二)”
        应为：“（一）”（order 为 1；子部分用“（一）”式编号，比所属部分低一级）"
    `);
  });

  it('explains frontmatter YAML cannot read, with its line', async ({ expect }) => {
    expect(await refused(expect, 'bad-yaml', { [PART]: set('title', 'title: "下一年度主要安排') }))
      .toMatchInlineSnapshot(`
        "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

        内容检查发现 1 处问题。请按下列提示修改后重新生成：

        <case>/reports/2024-test-agency/s2.md:7
          字段：（字段区）
          发现：无法读取：引号或括号没有结束
          应为：每行写成“字段: 值”（冒号后加一个空格），下级字段缩进两个空格，每个字段只写一次；值里有冒号或 # 时用引号括起来"
      `);
  });

  it('refuses a field written twice', async ({ expect }) => {
    expect(await refused(expect, 'duplicate-key', { [PART]: set('title', 'title: 甲\ntitle: 乙') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:5
        字段：（字段区）
        发现：无法读取：同一个字段写了两次（该行为 title: 乙）
        应为：每行写成“字段: 值”（冒号后加一个空格），下级字段缩进两个空格，每个字段只写一次；值里有冒号或 # 时用引号括起来"
    `);
  });

  it('refuses a file without frontmatter', async ({ expect }) => {
    expect(await refused(expect, 'no-frontmatter', { [PART]: '继续努力。\n' }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:1
        字段：（字段区）
        发现：文件开头没有 --- 包围的字段区
        应为：文件第一行写 ---，接着每行一个“字段: 值”，再以一行 --- 结束，然后是正文"
    `);
  });

  it('makes a zero-width character in an id visible', async ({ expect }) => {
    expect(await refused(expect, 'zero-width-id', { [PART]: set('id', 'id: s2\u200b') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:2
        字段：id
        发现：“s2〔零宽空格 U+200B〕”
        应为：小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 s1-2"
    `);
  });

  it('refuses a section id the layout uses', async ({ expect }) => {
    expect(await refused(expect, 'reserved-id', { [PART]: set('id', 'id: main') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:2
        字段：id
        发现：“main”
        应为：另选一个 id：main 已被保留（网页版式已用作元素编号），例如按编号写作 s1、s1-2"
    `);
  });

  it('refuses a section id shaped like a paragraph id', async ({ expect }) => {
    expect(await refused(expect, 'paragraph-id', { [PART]: set('id', 'id: s1-1-p1') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:2
        字段：id
        发现：“s1-1-p1”
        应为：另选一个 id：s1-1-p1 已被保留（形如段落编号（如 s1-1-p1），会与段落的链接冲突），例如按编号写作 s1、s1-2"
    `);
  });

  it('refuses a level-one heading in a body', async ({ expect }) => {
    expect(await refused(expect, 'h1', { [PART]: body('# 另一个标题\n\n继续努力。\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:9
        字段：（正文）
        发现：正文中不能使用标题（#）：报告的部分和子部分各是一个文件，标题写在字段 title 中。若是段首的小标题，请改用加粗 **……**。
        应为：正文只含段落、列表、加粗和链接"
    `);
  });

  it('refuses a heading that skips levels', async ({ expect }) => {
    expect(await refused(expect, 'h4', { [PART]: body('继续努力。\n\n#### 小标题\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:11
        字段：（正文）
        发现：正文中不能使用标题（####）：报告的部分和子部分各是一个文件，标题写在字段 title 中。若是段首的小标题，请改用加粗 **……**。
        应为：正文只含段落、列表、加粗和链接"
    `);
  });

  it('refuses a link to an id that does not exist', async ({ expect }) => {
    expect(await refused(expect, 'dead-anchor', { [PART]: body('见[前文](#s9-9)。\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:9
        字段：（正文中的链接）
        发现：链接 #s9-9：本报告中没有 id 为 s9-9 的章节或段落
        应为：链接到存在的报告、章节或段落，例如 #s1-2、#s1-2-p3、/reports/2023-jiading-police/s1/；请核对编号"
    `);
  });

  it('refuses a link to a report that does not exist', async ({ expect }) => {
    expect(
      await refused(expect, 'dead-report-link', {
        [PART]: body('见[去年的报告](/reports/2023-test-agency/s1/)。\n'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:9
        字段：（正文中的链接）
        发现：链接 /reports/2023-test-agency/s1/：没有名为 2023-test-agency 的报告
        应为：链接到存在的报告、章节或段落，例如 #s1-2、#s1-2-p3、/reports/2023-jiading-police/s1/；请核对编号"
    `);
  });

  it('refuses an empty section', async ({ expect }) => {
    expect(await refused(expect, 'empty-section', { [SUBSECTION]: body('\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s1-1.md
        字段：（正文）
        发现：正文为空
        应为：在字段区下方写入本节正文；不需要的章节请删除该文件，并调整其后章节的 order 和 numbering"
    `);
  });

  it('refuses a report without sections', async ({ expect }) => {
    expect(
      await refused(expect, 'no-sections', { [PART]: null, [PART_ONE]: null, [SUBSECTION]: null }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md
        字段：（章节文件）
        发现：报告文件夹中没有任何章节文件
        应为：每个部分（一、二、……）和子部分（（一）（二）……）各写一个 .md 文件，放在 report.md 旁边"
    `);
  });

  it('refuses a content file whose extension is upper case', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', PART), 'utf8');
    expect(
      await refused(expect, 'upper-case-ext', { [PART]: null, '2024-test-agency/s2.MD': text }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.MD
        字段：（文件名）
        发现：扩展名大小写不对：s2.MD，这样的文件不会发布
        应为：把文件改名为 s2.md（扩展名用小写 .md 或 .mdx）"
    `);
  });

  it('refuses a second report file by name', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', REPORT), 'utf8');
    expect(await refused(expect, 'second-report', { '2024-test-agency/report.mdx': text }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.mdx
        字段：（文件名）
        发现：同一文件夹中已有 report.md，每个报告只能有一个报告信息文件
        应为：保留一个：删除 report.mdx 或 report.md"
    `);
  });

  it('refuses a report folder reached through a symlink', async ({ expect }) => {
    expect(
      await refused(expect, 'symlink-folder', {
        '2023-test-agency': { link: path.join(ROOT, 'tests/fixtures/valid/2024-test-agency') },
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2023-test-agency
        字段：（文件位置）
        发现：这个文件夹是符号链接（快捷方式），检查和发布看到的内容会不一致
        应为：把真正的文件夹复制到这里，删除符号链接"
    `);
  });

  it('refuses a section file reached through a symlink', async ({ expect }) => {
    expect(
      await refused(expect, 'symlink-file', {
        [PART]: { link: path.join(ROOT, 'tests/fixtures/valid', PART) },
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md
        字段：（文件位置）
        发现：这个文件是符号链接（快捷方式），检查和发布看到的内容会不一致
        应为：把真正的文件复制到这里，删除符号链接"
    `);
  });

  it('says how to convert a GBK file to UTF-8', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', PART), 'utf8');
    // Node cannot encode GBK: the file's few Chinese characters, byte by byte, checked by decoding.
    const codes: Record<string, number[]> = {
      二: [0xb6, 0xfe],
      '、': [0xa1, 0xa2],
      下: [0xcf, 0xc2],
      一: [0xd2, 0xbb],
      年: [0xc4, 0xea],
      度: [0xb6, 0xc8],
      主: [0xd6, 0xf7],
      要: [0xd2, 0xaa],
      安: [0xb0, 0xb2],
      排: [0xc5, 0xc5],
      继: [0xbc, 0xcc],
      续: [0xd0, 0xf8],
      努: [0xc5, 0xac],
      力: [0xc1, 0xa6],
      '。': [0xa1, 0xa3],
    };
    const gbk = Buffer.from([...text].flatMap((char) => codes[char] ?? [...Buffer.from(char)]));
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(text);
    expect(await refused(expect, 'gbk', { [PART]: gbk })).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md
        字段：（文件编码）
        发现：文件的编码是 GBK / GB18030（Windows 中文系统的默认编码，即 ANSI）
        应为：UTF-8 编码。用记事本打开该文件，“另存为”时在“编码”中选“UTF-8”后保存；或在 VS Code 中点右下角的编码名称，选“通过编码保存”→“UTF-8”"
    `);
  });

  it('says how to convert a UTF-16 file to UTF-8', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', PART), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await refused(expect, 'utf16', { [PART]: utf16 })).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md
        字段：（文件编码）
        发现：文件的编码是 UTF-16（Windows 记事本中称为“Unicode”）
        应为：UTF-8 编码。用记事本打开该文件，“另存为”时在“编码”中选“UTF-8”后保存；或在 VS Code 中点右下角的编码名称，选“通过编码保存”→“UTF-8”"
    `);
  });

  it('refuses raw HTML in Markdown with the line', async ({ expect }) => {
    expect(await refused(expect, 'raw-html', { [PART]: body('继续努力。\n\n<div>文字</div>\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:11
        字段：（正文）
        发现：不允许在 Markdown 中直接写 HTML（发现 <div>文字</div>）。请改用 Markdown 语法书写；确需特殊排版请联系网站技术人员。
        应为：只用 Markdown 书写正文，不含可执行代码"
    `);
  });

  it('refuses a javascript: link in any spelling', async ({ expect }) => {
    expect(await refused(expect, 'script-link', { [PART]: body('[点我](JaVaScript:alert(1))\n') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:9
        字段：（正文）
        发现：链接地址不安全：JaVaScript:alert(1)。只允许 http(s)、mailto、tel 或站内地址。
        应为：只用 Markdown 书写正文，不含可执行代码"
    `);
  });

  it('refuses a script element inside an MDX expression', async ({ expect }) => {
    expect(await refused(expect, 'mdx-expression-script', mdx('{<script>alert(1)</script>}\n')))
      .toMatchInlineSnapshot(`
        "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

        内容检查发现 1 处问题。请按下列提示修改后重新生成：

        <case>/reports/2024-test-agency/s2.mdx:9
          字段：（正文）
          发现：不允许使用花括号表达式 {…}：报告正文只用 Markdown 书写，不能含代码。如需写花括号，请把文件改为 .md 扩展名。
          应为：只用 Markdown 书写正文，不含可执行代码"
      `);
  });

  it('refuses import and export in MDX', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'mdx-esm',
        mdx(
          "import fs from 'node:fs'\nexport const x = fs.writeFileSync('/tmp/x', '')\n\n继续努力。\n",
        ),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：不允许使用 import 或 export 语句：报告正文只用 Markdown 书写，不能含代码。请删除这一行。
        应为：只用 Markdown 书写正文，不含可执行代码"
    `);
  });

  it('refuses set:html, style and event handlers in MDX, each by name', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'mdx-attributes',
        mdx('<Fragment set:html={"<b>x</b>"} />\n\n<p style="color:red" onClick="x">文字</p>\n'),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 6 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：不允许在内容中使用 <Fragment> 元素，它可能在读者浏览器中运行代码。请删除它。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：不允许使用 set:html（在 <Fragment> 上），它会插入未经检查的内容。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：<Fragment> 的属性 set:html 不能是花括号表达式 {…}，只能写成带引号的文字。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:11
        字段：（正文）
        发现：不允许使用 <p>：内容中只能用 Markdown 语法。请改用 Markdown 书写。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:11
        字段：（正文）
        发现：不允许使用 style 属性（在 <p> 上）：版式由网站统一设定。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:11
        字段：（正文）
        发现：不允许使用事件属性 onClick（在 <p> 上），它会运行代码。
        应为：只用 Markdown 书写正文，不含可执行代码"
    `);
  });

  it('refuses an expression as a link address in MDX', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'mdx-href-expression',
        mdx('<a href={"javascript:alert(1)"}>点我</a>\n'),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 2 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：不允许使用 <a>：内容中只能用 Markdown 语法。请改用 Markdown 书写。
        应为：只用 Markdown 书写正文，不含可执行代码

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：<a> 的属性 href 不能是花括号表达式 {…}，只能写成带引号的文字。
        应为：只用 Markdown 书写正文，不含可执行代码"
    `);
  });

  it('refuses MDX that does not parse, without English', async ({ expect }) => {
    expect(await refused(expect, 'mdx-unparsable', mdx('继续努力 {alert(1)\n')))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.mdx:9
        字段：（正文）
        发现：MDX 语法无法解析：花括号 { } 或尖括号 < > 没有配对
        应为：MDX 中 { } 和 < > 有特殊含义；报告正文请改存为 .md 文件，或删除这些符号。MDX 中不能写代码"
    `);
  });

  it('refuses a section outside any report', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', PART), 'utf8');
    expect(await refused(expect, 'orphan-section', { '2025-test-agency/s2.md': text }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2025-test-agency/s2.md
        字段：（文件位置）
        发现：所在文件夹 2025-test-agency 中没有 report.md
        应为：章节文件放在某个报告的文件夹里，与该报告的 report.md 同级"
    `);
  });

  it('refuses a folder inside a report folder', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', PART), 'utf8');
    expect(await refused(expect, 'subfolder', { '2024-test-agency/old/s2.md': text }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/old
        字段：（文件位置）
        发现：报告文件夹里有子文件夹，其中的文件不会发布
        应为：章节文件直接放在报告文件夹中；请把文件移出并删除该子文件夹"
    `);
  });

  it('refuses an alias that is another section’s id', async ({ expect }) => {
    expect(
      await refused(expect, 'alias-collision', {
        [PART]: set('item', 'item: 下一年度主要安排\naliases: [s1]'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:7
        字段：aliases
        发现：“s1”，与 <case>/reports/2024-test-agency/s1.md 现在的 id 相同
        应为：本节以前用过、现在不属于任何章节或段落的 id；旧链接会跳转到本节"
    `);
  });

  it('refuses a folder with no reports at all', async ({ expect }) => {
    expect(await refused(expect, 'no-reports', { '2024-test-agency': null }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports
        字段：（报告）
        发现：没有任何报告
        应为：至少一个报告文件夹（如 2024-jiading-police/），其中有 report.md 和各章节文件"
    `);
  });

  it('lists problems in several files in one pass', async ({ expect }) => {
    expect(
      await refused(expect, 'several', {
        [REPORT]: set('year', 'year: 二〇二四'),
        [PART]: set('order', 'order: 7'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 2 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:7
        字段：year
        发现：“二〇二四”
        应为：数字（不加引号），例如 2024

      <case>/reports/2024-test-agency/s2.md:5
        字段：order
        发现：7，但 numbering 是 “二、”，同级章节中缺少 order 为 2 的一节
        应为：order: 2，与 numbering 一致；若要移动本节，请同时改 numbering 和其他同级章节的 order"
    `);
  });

  it('counts synonym groups from 1 and names the synonyms file', async ({ expect }) => {
    const synonyms = path.join(scratch, 'synonyms', 'synonyms.yml');
    mkdirSync(path.dirname(synonyms), { recursive: true });
    writeFileSync(synonyms, '- term: 反诈\n  aliases: [电诈]\n- term: 下步\n  alias: [打算]\n');
    expect(await refused(expect, 'synonyms', {}, { SYNONYMS_FILE: synonyms }))
      .toMatchInlineSnapshot(`
        "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

        内容检查发现 2 处问题。请按下列提示修改后重新生成：

        <case>/synonyms.yml:3
          字段：第 2 组 aliases
          发现：（未填写）
          应为：必须填写：列表：每项单独一行，以“- ”开头；或写成 [甲, 乙]

        <case>/synonyms.yml:4
          字段：第 2 组 alias
          发现：不认识的字段 alias
          应为：是不是 aliases？请把字段名改为 aliases"
      `);
  });

  // Key figures: the report lists a figure; the subsection's text states 行政复议案件36件.
  const withFigures = (figures: string): Patch => ({
    [REPORT]: (text: string) =>
      text.replace(
        'indexNumber: TEST-2025-001\n',
        `indexNumber: TEST-2025-001\nfigures:\n${figures}`,
      ),
    [SUBSECTION]: body('全年办理行政复议案件36件，同比下降。\n\n第二段。'),
    // The published fixture's record holds the same sentence, as a recorded correction would.
    '2024-test-agency/editions.json': (text: string) =>
      text.replace('"第一段。"', '"全年办理行政复议案件36件，同比下降。"'),
  });
  const figure = (indicator: string, value: string, section: string) =>
    `  - indicator: ${indicator}\n    value: ${value}\n    section: ${section}\n`;

  it('refuses a figure of an unknown indicator and suggests the nearest id', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'figure-indicator',
        withFigures(figure('admin-reconsideraton', '36', 's1-1')),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:15
        字段：figures（第 1 项）.indicator
        发现：不认识的指标 admin-reconsideraton
        应为：是不是 admin-reconsideration（行政复议案件）？请改为 admin-reconsideration；新的指标先加入 content/indicators.yml"
    `);
  });

  it('refuses a figure whose section does not exist', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'figure-section',
        withFigures(figure('admin-reconsideration', '36', 's1-2')),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:17
        字段：figures（第 1 项）.section
        发现：本报告没有 id 为 s1-2 的章节
        应为：是不是 s1-1？请写陈述这一数值的章节 id"
    `);
  });

  it('refuses a figure value the section does not state, listing what it does state', async ({
    expect,
  }) => {
    expect(
      await refused(
        expect,
        'figure-value',
        withFigures(figure('admin-reconsideration', '63', 's1-1')),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:16
        字段：figures（第 1 项）.value
        发现：<case>/reports/2024-test-agency/s1-1.md 的正文中没有写明“63件”（该节以“件”为单位写明的数值有：36件）
        应为：该节正文写明的数值，单位为“件”，写法如 36件、36 件、三十六件（见内容编写指南“关键数据”）；请核对 value 或 section"
    `);
  });

  it('refuses the same indicator twice in one report', async ({ expect }) => {
    expect(
      await refused(
        expect,
        'figure-twice',
        withFigures(
          figure('admin-reconsideration', '36', 's1-1') +
            figure('admin-reconsideration', '36', 's1-1'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:18
        字段：figures（第 2 项）.indicator
        发现：指标 admin-reconsideration 已在第 1 项中填写
        应为：同一报告中每个指标只写一次；请删除重复的一项，或改为另一个指标"
    `);
  });

  it('names a misspelt field of the indicators file with its line', async ({ expect }) => {
    const indicators = path.join(scratch, 'indicators', 'indicators.yml');
    mkdirSync(path.dirname(indicators), { recursive: true });
    writeFileSync(
      indicators,
      '- id: admin-reconsideration\n  name: 行政复议案件\n  unit: 件\n  definiton: 收到的行政复议案件数。\n',
    );
    expect(await refused(expect, 'indicators', {}, { INDICATORS_FILE: indicators }))
      .toMatchInlineSnapshot(`
        "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

        内容检查发现 2 处问题。请按下列提示修改后重新生成：

        <case>/indicators.yml:1
          字段：第 1 项 definition
          发现：（未填写）
          应为：必须填写：一段文字

        <case>/indicators.yml:4
          字段：第 1 项 definiton
          发现：不认识的字段 definiton
          应为：是不是 definition？请把字段名改为 definition"
      `);
  });

  it('refuses a section id used twice, naming both files', async ({ expect }) => {
    expect(await refused(expect, 'duplicate-id', { [PART]: set('id', 'id: s1') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:2
        字段：id
        发现：“s1”，与 <case>/reports/2024-test-agency/s1.md 重复
        应为：同一报告内每个章节的 id 各不相同"
    `);
  });

  it('refuses a parent that is not a part of the report', async ({ expect }) => {
    expect(await refused(expect, 'unknown-parent', { [SUBSECTION]: set('parent', 'parent: s9') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s1-1.md:6
        字段：parent
        发现：“s9”
        应为：本报告中某个顶级部分的 id（s1、s2）"
    `);
  });

  it('refuses a report file whose name is not lower case', async ({ expect }) => {
    const text = readFileSync(path.join(ROOT, 'tests/fixtures/valid', REPORT), 'utf8');
    expect(
      await refused(expect, 'report-name-case', {
        [REPORT]: null,
        '2024-test-agency/Report.md': text,
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/Report.md
        字段：（文件名）
        发现：文件名 Report.md
        应为：报告信息文件名应为小写的 report.md"
    `);
  });

  it('refuses a folder name that does not match year and agency id', async ({ expect }) => {
    expect(await refused(expect, 'folder-name', { [REPORT]: set('id', 'id: other-agency') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:6
        字段：year / agency.id
        发现：文件夹名 2024-test-agency
        应为：文件夹名由 year 和 agency.id 组成：2024-other-agency（文件夹名就是报告网址的一部分，确定后不要再改）"
    `);
  });

  it('refuses a title of spaces only', async ({ expect }) => {
    expect(await refused(expect, 'blank-title', { [PART]: set('title', 'title: "  "') }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:4
        字段：title
        发现：“  ”（首尾有空格）
        应为：不能为空，请填写"
    `);
  });

  it('asks for a list when aliases is one word', async ({ expect }) => {
    expect(
      await refused(expect, 'aliases-string', {
        [PART]: set('item', 'item: 下一年度主要安排\naliases: plans'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s2.md:7
        字段：aliases
        发现：“plans”
        应为：列表：每项单独一行，以“- ”开头；或写成 [甲, 乙]"
    `);
  });

  it('refuses published text changed without a recorded correction, showing old → new and the command', async ({
    expect,
  }) => {
    expect(
      await refused(expect, 'unrecorded-change', {
        [SUBSECTION]: (text) => text.replace('第二段。', '第二段，数字改为 12 项。'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/s1-1.md:11
        字段：（正文 s1-1-p2）
        发现：已发布的文字有改动：“第二段。” → “第二段，数字改为 12 项。”
        应为：已发布的报告改动后须记录更正：运行 npm run correct -- 2024-test-agency --note "更正说明"（日期默认今天，可加 --date YYYY-MM-DD）；不是有意改动的，请改回原文"
    `);
  });

  it('refuses a published report without an edition record, naming publish-report', async ({
    expect,
  }) => {
    expect(await refused(expect, 'no-edition-record', { '2024-test-agency/editions.json': null }))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md
        字段：（版本记录）
        发现：正式报告没有版本记录（editions.json）
        应为：运行 npm run publish-report -- 2024-test-agency 记录它的第一版；草稿请在 report.md 中写 draft: true"
    `);
  });

  it('refuses an edition record edited by hand into something unreadable', async ({ expect }) => {
    expect(
      await refused(expect, 'broken-edition-record', {
        '2024-test-agency/editions.json': '{"version": 1, "events": []',
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/editions.json
        字段：（版本记录）
        发现：无法读取：不是有效的 JSON
        应为：editions.json 由 npm run publish-report、npm run correct 和 npm run withdraw 写入，不能手工修改；请从备份或版本库恢复原文件"
    `);
  });

  it('refuses a published report marked draft again', async ({ expect }) => {
    expect(
      await refused(expect, 'published-draft', {
        [REPORT]: (text) => text.replace('year: 2024', 'year: 2024\ndraft: true'),
      }),
    ).toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      内容检查发现 1 处问题。请按下列提示修改后重新生成：

      <case>/reports/2024-test-agency/report.md:8
        字段：draft
        发现：true，但这份报告已经发布（文件夹中有版本记录 editions.json）
        应为：已发布的报告不能改回草稿：删去 draft: true。要更正，改好后运行 npm run correct -- 2024-test-agency --note "更正说明"；要撤回，运行 npm run withdraw -- 2024-test-agency --note "撤回原因""
    `);
  });

  it('refuses clearly while another build holds the lock', async ({ expect }) => {
    const message = await refused(expect, 'locked', {}, {}, (outDir) =>
      writeFileSync(
        path.join(path.dirname(outDir), '.dist.lock'),
        JSON.stringify({ pid: process.pid, started: '2025-01-01T00:00:00.000Z' }),
      ),
    );
    expect(message.replace(String(process.pid), '<pid>').replace(/开始于 [^）]+/, '开始于 <time>'))
      .toMatchInlineSnapshot(`
      "网站生成失败，上一次成功生成的网站（<case>/site/dist/）保持不变。

      另一次网站生成正在进行（进程号 <pid>，开始于 <time>）。请等它结束后再运行。如果确定没有其他生成在运行，删除文件 <case>/site/.dist.lock 后重试。"
    `);
  });
});

/** Runs a command of tools/ on a copy of the valid fixture; returns its exit code and message. */
function command(name: string, patch: Patch, args: string[], before?: (outDir: string) => void) {
  const reports = makeFixture(path.join(scratch, name, 'reports'), patch);
  // Each case's own output folder: the command holds that site's build lock while it writes.
  const outDir = path.join(scratch, name, 'site', 'dist');
  mkdirSync(path.dirname(outDir), { recursive: true });
  before?.(outDir);
  const run = spawnSync(
    process.execPath,
    [...args.slice(0, 1), ...args.slice(1), '--dir', reports],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OUT_DIR: outDir },
    },
  );
  return {
    status: run.status,
    output: `${run.stdout}${run.stderr}`
      .trim()
      .replaceAll(path.relative(ROOT, reports), '<reports>'),
    reports,
  };
}

describe('the edition commands refuse what makes no sense', () => {
  it('refuses to correct a draft, saying how a draft is published', ({ expect }) => {
    const run = command(
      'correct-draft',
      {
        [REPORT]: (text) => text.replace('year: 2024', 'year: 2024\ndraft: true'),
        '2024-test-agency/editions.json': null,
      },
      ['tools/correct.ts', '2024-test-agency', '--note', '更正'],
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatchInlineSnapshot(`
      "2024-test-agency 是草稿（draft: true），还没有发布，不能更正：草稿可以直接修改；定稿后运行 npm run publish-report -- 2024-test-agency 发布。

      运行 npm run correct -- --help 查看用法。"
    `);
  });

  it('refuses a correction dated before the last edition, and a date that is not one', ({
    expect,
  }) => {
    const patch = { [SUBSECTION]: (text: string) => text.replace('第二段。', '第二段，已更正。') };
    const early = command('correct-early', patch, [
      'tools/correct.ts',
      '2024-test-agency',
      '--note',
      '更正',
      '--date',
      '2025-01-15',
    ]);
    expect(early.status).toBe(1);
    expect(early.output).toMatchInlineSnapshot(`
      "日期 2025-01-15 早于上一版（第 1 版）的日期（2025-02-01）：版本按时间先后记录，日期不能早于上一次记录。

      运行 npm run correct -- --help 查看用法。"
    `);
    const impossible = command('correct-bad-date', patch, [
      'tools/correct.ts',
      '2024-test-agency',
      '--note',
      '更正',
      '--date',
      '2025-02-30',
    ]);
    expect(impossible.status).toBe(1);
    expect(impossible.output).toMatchInlineSnapshot(`
      "日期“2025-02-30”不对：请写成 YYYY-MM-DD 格式的真实日期，例如 --date 2024-04-10。

      运行 npm run correct -- --help 查看用法。"
    `);
  });

  it('refuses a correction without a note or without any change, and an unknown report', ({
    expect,
  }) => {
    const unchanged = command('correct-unchanged', {}, [
      'tools/correct.ts',
      '2024-test-agency',
      '--note',
      '更正',
      '--date',
      '2025-03-01',
    ]);
    expect(unchanged.status).toBe(1);
    expect(unchanged.output).toMatchInlineSnapshot(`
      "2024-test-agency 与第 1 版相比没有读者看得到的改动：先修改报告文件，再运行本命令。

      运行 npm run correct -- --help 查看用法。"
    `);
    const unknown = command('withdraw-unknown', {}, [
      'tools/withdraw.ts',
      '2024-nobody',
      '--note',
      '撤回',
    ]);
    expect(unknown.status).toBe(1);
    expect(unknown.output).toMatchInlineSnapshot(`
      "没有这份报告：<reports> 下没有文件夹 2024-nobody（或其中没有 report.md）。报告标识就是报告文件夹名，例如 2024-jiading-police。

      运行 npm run withdraw -- --help 查看用法。"
    `);
    const noNote = command('withdraw-no-note', {}, ['tools/withdraw.ts', '2024-test-agency']);
    expect(noNote.status).toBe(1);
    expect(noNote.output).toMatchInlineSnapshot(`
      "请用 --note "撤回原因" 写明撤回原因：读者会在修订记录中看到它。

      运行 npm run withdraw -- --help 查看用法。"
    `);
  });

  it('refuses while a build holds the lock, and writes nothing', ({ expect }) => {
    const draft = (text: string) => text.replace('year: 2024', 'year: 2024\ndraft: true');
    const lockedBy = (pid: number) => (outDir: string) =>
      writeFileSync(
        path.join(path.dirname(outDir), '.dist.lock'),
        JSON.stringify({ pid, started: '2025-01-01T00:00:00.000Z' }),
      );
    const patch = { [REPORT]: draft, '2024-test-agency/editions.json': null };
    const args = ['tools/publish-report.ts', '2024-test-agency'];
    const run = command('publish-locked', patch, args, lockedBy(process.pid));
    expect(run.status).toBe(1);
    expect(
      run.output.replace(String(process.pid), '<pid>').replace(/开始于 [^）]+/, '开始于 <time>'),
    ).toBe(
      `另一次网站生成正在进行（进程号 <pid>，开始于 <time>）。请等它结束后再运行。如果确定没有其他生成在运行，删除文件 ${path.relative(ROOT, path.join(scratch, 'publish-locked', 'site', '.dist.lock'))} 后重试。`,
    );
    const folder = path.join(run.reports, '2024-test-agency');
    expect(existsSync(path.join(folder, 'editions.json'))).toBe(false);
    expect(readFileSync(path.join(folder, 'report.md'), 'utf8')).toContain('draft: true');
    // The same command, once the lock is stale (its holder gone), publishes, leaving no lock and
    // no temporary file behind.
    const stale = command('publish-stale-lock', patch, args, lockedBy(2 ** 22 + 1));
    expect(stale.status, stale.output).toBe(0);
    const published = path.join(stale.reports, '2024-test-agency');
    expect(existsSync(path.join(published, 'editions.json'))).toBe(true);
    expect(readFileSync(path.join(published, 'report.md'), 'utf8')).not.toContain('draft: true');
    expect(readdirSync(published).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(scratch, 'publish-stale-lock', 'site', '.dist.lock'))).toBe(false);
  });

  it('refuses to publish a draft that still holds a placeholder', ({ expect }) => {
    const run = command(
      'publish-placeholder',
      {
        [REPORT]: (text) =>
          text
            .replace('year: 2024', 'year: 2024\ndraft: true')
            .replace('用于测试的最小报告。', '待补充'),
        '2024-test-agency/editions.json': null,
      },
      ['tools/publish-report.ts', '2024-test-agency'],
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatchInlineSnapshot(`
      "2024-test-agency 还不能发布：报告还有 1 处问题，请先改好（也可运行 npm run check:content 查看）：
      <reports>/2024-test-agency/report.md:13  summary  发现：占位内容 “待补充”：“待补充”  应为：按原文填写。含占位内容的报告不能正式生成；尚未写完时，可在 report.md 中加 draft: true 作为草稿

      运行 npm run publish-report -- --help 查看用法。"
    `);
  });
});
