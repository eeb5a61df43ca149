import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFiles, errorsOf } from '../../src/data/content-check.ts';
import { validateReports } from '../../src/data/report-folders.ts';
import { publishAll } from '../../src/node/editions.ts';

/** The checks' verdict once every finished report has its first edition (npm run publish-report -- --all). */
async function checkedOncePublished(reportsDir: string, cwd: string) {
  const { refused } = await publishAll({ reportsDir, cwd });
  return [...refused, ...(await validateReports(reportsDir, cwd))];
}
import { IMPORT_FIXTURES } from '../support/import.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const CLI = path.join(ROOT, 'tools/import.ts');
const work = mkdtempSync(path.join(tmpdir(), 'fz-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run import -- …` as a publisher would, in a scratch folder; never throws. */
async function runImport(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE, [CLI, ...args], { cwd: work });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: stdout, err: stderr };
  }
}

const fixture = (name: string) => {
  copyFileSync(path.join(IMPORT_FIXTURES, name), path.join(work, name));
  return name;
};

// Each case starts Node on the command itself, which takes seconds on a busy two-core machine.
describe('npm run import', { timeout: 60_000 }, () => {
  it('prints its usage in Chinese for --help, and nothing else', async () => {
    const { code, out, err } = await runImport('--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatchInlineSnapshot(`
      "用法：npm run import -- <文件> --agency-id <机构标识> [选项]

      把一份法治政府建设年度报告转换为 content/reports/ 下的报告文件夹。
      可导入 Word 文件（.docx）、纯文本（.txt，如从网页复制的全文）和 Markdown（.md）。
      纯文本可以是 UTF-8、UTF-16 或 GBK/GB18030 编码。

      必填：
        --agency-id <标识>   机构的英文标识，小写字母开头，只含小写字母、数字和连字符，
                             例如 jiading-police。它是报告网址的一部分，确定后不要再改

      可选（原文没有或识别有误时使用；导入工具猜的每一项都可以这样给出）：
        --title <标题>       报告标题（默认取原文的标题行；原文没有标题行时必须给出）
        --agency <全称>      机构全称，如 上海市公安局嘉定分局（默认取原文的落款、标题或发布机构）
        --short-name <简称>  机构简称，如 嘉定公安分局（默认由标题推得）
        --year <年度>        报告所述年度，如 2023（默认取自标题）
        --published <日期>   发布日期，如 2024-03-28（默认取原文的“发布时间”或“发布日期”）
        --signature <落款>   落款单位和日期，如 "上海市公安局嘉定分局 2024年3月22日"；
                             只写单位或只写日期也可以
        --summary <简介>     一两句话的简介（默认取开头第一句）
        --source <来源>      来源，如 XX区人民政府办公室（默认取原文的“来源”或“转自”；
                             --source "" 表示不写来源）
        --index-number <索引号>    索引号（默认取原文的“索引号”；--index-number "" 表示不写）
        --document-number <文号>   文号（默认取原文的“文号”；--document-number "" 表示不写）
        --items <事项,…>     各顶级部分的法定报告事项，按顺序用逗号分隔（默认按标题推测），可选：
                             主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他
        --source-url <网址>  原文的发布网址
        --draft              写为草稿（不发布），即使信息齐全
        --dry-run            只显示识别结果，不写文件
        --force              替换已有的同名报告文件夹（其中原有的文件会被删除）
        --out <文件夹>       写到哪里，默认 content/reports
        --help               显示本说明

      原文没有发布日期时，报告写为草稿（draft: true），并列出缺少的字段；
      补全后运行 npm run publish-report -- 报告标识 --date 发布日期 发布（不必手改 draft: true）。
      政策解读、通知、工作要点等不是年度报告的文字不会导入；导入工具会说明它是什么、应导入哪份报告。

      示例：
        npm run import -- 报告.docx --agency-id jiading-police
        npm run import -- 网页全文.txt --agency-id xx-district --published 2024-03-28
      "
    `);
  });

  it('asks for a file when given none', async () => {
    const { code, err } = await runImport('--agency-id', 'x');
    expect(code).toBe(1);
    expect(err).toMatchInlineSnapshot(`
      "导入失败：请给出要导入的文件，例如：npm run import -- 报告.docx --agency-id jiading-police
      运行 npm run import -- --help 查看全部选项。
      未写入任何文件。
      "
    `);
  });

  it('refuses an invalid --agency-id before reading or writing anything', async () => {
    const { code, err } = await runImport('missing.txt', '--agency-id', 'Qingfeng District');
    expect(code).toBe(1);
    expect(err).toMatchInlineSnapshot(`
      "导入失败：--agency-id “Qingfeng District” 不能用：应为小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 jiading-police
      未写入任何文件。
      "
    `);
    expect(readdirSync(work)).toEqual([]);
  });

  it('names an unknown option and a missing value in Chinese, without a stack trace', async () => {
    expect((await runImport('a.txt', '--agencyid', 'x')).err).toMatchInlineSnapshot(`
      "导入失败：不认识的选项 --agencyid。运行 npm run import -- --help 查看全部选项。
      未写入任何文件。
      "
    `);
    expect((await runImport('a.txt', '--published')).err).toMatchInlineSnapshot(`
      "导入失败：选项 --published 后面缺少值，例如 --published 2024-03-28
      未写入任何文件。
      "
    `);
    expect((await runImport('a.txt', '--agency-id', 'x', '--published', '2024-02-30')).err)
      .toMatchInlineSnapshot(`
      "导入失败：--published “2024-02-30” 不是有效日期，应写成 YYYY-MM-DD，例如 --published 2024-03-28
      未写入任何文件。
      "
    `);
  });

  it('says a file is missing, or in a format it cannot read', async () => {
    expect((await runImport('报告.txt', '--agency-id', 'x')).err).toMatchInlineSnapshot(`
      "导入失败：找不到文件 报告.txt。请检查文件名和所在文件夹。
      未写入任何文件。
      "
    `);
    expect((await runImport('报告.doc', '--agency-id', 'x')).err).toMatchInlineSnapshot(`
      "导入失败：报告.doc 是旧版 Word 格式（.doc）。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后再导入。
      未写入任何文件。
      "
    `);
  });

  it('says how to save a file as UTF-8 when its encoding is none it reads', async () => {
    // 法治政府 in Big5.
    writeFileSync(
      path.join(work, 'big5.txt'),
      Buffer.from([0xaa, 0x6b, 0xaa, 0x76, 0xac, 0xf6, 0xa9, 0xb2]),
    );
    const { code, err } = await runImport('big5.txt', '--agency-id', 'x');
    expect(code).toBe(1);
    expect(err).toMatchInlineSnapshot(`
      "导入失败：无法识别 big5.txt 的文字编码（不是 UTF-8、UTF-16 或 GBK），按任何一种读取都会是乱码。
      请把它另存为 UTF-8 编码后再导入：
        - 记事本：“文件”→“另存为”，下方“编码”选 UTF-8，保存；
        - WPS / Word：“文件”→“另存为”，类型选“纯文本(*.txt)”，在弹出的编码选项中选 Unicode (UTF-8)；
        - 也可以直接导入原始的 Word 文件（.docx）。
      未写入任何文件。
      "
    `);
  });

  it('asks for --year when the title names no year', async () => {
    writeFileSync(path.join(work, 'no-year.txt'), '某区法治政府建设情况\n一、成效\n正文。\n');
    expect((await runImport('no-year.txt', '--agency-id', 'x')).err).toMatchInlineSnapshot(`
      "导入失败：no-year.txt 缺少必要的信息：
        - 标题“某区法治政府建设情况”中没有找到年份（如“2023年”）。请用 --year 2023 指明报告所述年度；如标题认错了，请用 --title 给出报告标题
        - 没有找到机构名称（标题、发布机构和落款中都没有）。请用 --agency 给出机构全称，例如 --agency "XX区人民政府"
      未写入任何文件。
      "
    `);
  });

  it('writes a draft for a text without a date line and says what is missing', async () => {
    const { code, out } = await runImport(
      fixture('no-date-line.txt'),
      '--agency-id',
      'linchuan-eco',
      '--out',
      'reports',
    );
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "已读取 no-date-line.txt
      请注意（1 条）：
        - 写为草稿（draft: true），不会发布：原文没有 published（发布日期）。补全后运行 npm run publish-report -- 2023-linchuan-eco --date 发布日期 发布；或加上 --published 2024-03-28 --force 重新导入
      标题：临川市生态环境局2023年法治政府建设情况（取自第 1 行）
      年度：2023（取自标题）
      机构：临川市生态环境局（取自落款）
      简称：临川市生态环境局（由标题推得）
      发布日期：原文没有（可用 --published 给出）
      落款：临川市生态环境局 2024年2月6日（取自原文落款）
      简介：2023年，市生态环境局坚持依法治污、依法监管，各项工作稳步推进。（取自开头第一句）
      来源：原文没有
      章节：
        s1    一、主要工作和成效  → 主要举措和成效（推测：标题含“主要工作”）
            s1-1  （一）完善制度体系
            s1-2  （二）强化执法监督
        s2    二、存在的问题和下一步打算  → 存在的不足和原因（推测：标题含“问题”）
      已写入 reports/2023-linchuan-eco/：report.md 和 4 个章节文件。
      下一步：核对文件中注明“请核对”的值（各部分的 item 可选 主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他），然后运行 npm run publish-report -- 2023-linchuan-eco --date 发布日期：先检查，无误即发布并记录第一版，有问题则逐条列出。
      "
    `);
    expect(await validateReports(path.join(work, 'reports'), work)).toEqual([]);
  });

  it('checks the files it would write as the build does, naming file and line, and writes nothing', async () => {
    const text = readFileSync(path.join(IMPORT_FIXTURES, 'portal-header.txt'), 'utf8');
    writeFileSync(
      path.join(work, 'long-index.txt'),
      text.replace('QF-2024-00031', `QF-2024-00031-${'0'.repeat(60)}`),
    );
    const run = await runImport('long-index.txt', '--agency-id', 'qingfeng', '--out', 'checked');
    expect(run.code).toBe(1);
    expect(run.err).toContain('checked/2023-qingfeng/report.md:16\n  字段：indexNumber');
    expect(run.err).toContain('不超过 60 个字');
    expect(run.err).toContain('未写入任何文件');
    expect(existsSync(path.join(work, 'checked'))).toBe(false);
  });

  it('writes a report the content checks accept, and refuses to overwrite it without --force', async () => {
    const name = fixture('portal-header.txt');
    const first = await runImport(name, '--agency-id', 'qingfeng', '--out', 'reports');
    expect(first.code).toBe(0);
    expect(first.out).toMatchInlineSnapshot(`
      "已读取 portal-header.txt
      标题：青枫区人民政府关于2023年度法治政府建设情况的报告（取自第 2 行）
      年度：2023（取自标题）
      机构：青枫区人民政府（取自落款）
      简称：青枫区人民政府（由标题推得）
      发布日期：2024年3月28日（取自原文“发布时间”，时刻 09:18 不保留）
      落款：青枫区人民政府 2024年3月28日（取自原文落款）
      简介：2023年，青枫区人民政府以建设人民满意的法治政府为目标，把依法行政贯穿政府工作全过程。（取自开头第一句）
      来源：青枫区人民政府办公室（取自原文“来源”）
      索引号：QF-2024-00031（取自原文“索引号”）
      文号：青府报〔2024〕5号（取自原文“文号”）
      章节：
        s1    一、2023年法治政府建设的主要举措和成效  → 主要举措和成效（推测：标题含“举措”）
            s1-1  （一）健全依法决策机制。…
            s1-2  （二）规范行政执法行为
        s2    二、存在的不足  → 存在的不足和原因（推测：标题含“不足”）
        s3    三、2024年工作安排  → 下一年度主要安排（推测：标题含“安排”）
            s3-1  （一）持续提升依法决策水平。…
            s3-2  （二）加强执法队伍建设。…
      未导入（3 项）：
        - 第 1 行“当前位置：首页 > 政务公开 > 法治政府建设”：网页上的导航或按钮
        - 第 3–4 行（2 行）“来源:青枫区人民政府办公室 发布时间:2024-03-28 09:18”等：网页上的发布信息，已读取其中的字段
        - 第 17 行“【打印本页】【关闭窗口】”：网页上的导航或按钮
      已写入 reports/2023-qingfeng/：report.md 和 7 个章节文件。
      下一步：核对文件中注明“请核对”的值（各部分的 item 可选 主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他），然后运行 npm run publish-report -- 2023-qingfeng：先检查，无误即发布并记录第一版，有问题则逐条列出。
      "
    `);
    expect(await checkedOncePublished(path.join(work, 'reports'), work)).toEqual([]);

    const again = await runImport(name, '--agency-id', 'qingfeng', '--out', 'reports');
    expect(again.code).toBe(1);
    expect(again.err).toMatchInlineSnapshot(`
      "导入失败：reports/2023-qingfeng 已存在，未作改动。如要用本次导入的结果替换它（其中原有的文件会被删除），请加 --force。
      未写入任何文件。
      "
    `);

    writeFileSync(path.join(work, 'reports/2023-qingfeng/s9.md'), 'left over');
    const forced = await runImport(name, '--agency-id', 'qingfeng', '--out', 'reports', '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(work, 'reports/2023-qingfeng/s9.md'))).toBe(false);
  });

  it('proposes the figures it recognises, commented out and marked 请核对, and lists them', async () => {
    writeFileSync(
      path.join(work, 'figures.txt'),
      [
        '嘉定区人民政府2023年法治政府建设情况',
        '发布时间：2024-03-20',
        '2023年，嘉定区持续推进法治政府建设。',
        '一、主要举措和成效',
        '全年办理行政复议案件36件、行政诉讼案件12件，行政机关负责人出庭应诉率保持百分之百。',
        '二、下一年度工作安排',
        '继续推进行政复议体制改革。',
      ].join('\n'),
    );
    const { code, out } = await runImport(
      'figures.txt',
      '--agency-id',
      'jiading-gov',
      '--out',
      'figures',
    );
    expect(code).toBe(0);
    expect(out.split('\n').slice(-5).join('\n')).toMatchInlineSnapshot(`
      "识别到 3 项关键数据，已作为注释写入 report.md（标有“请核对”，核对后取消注释才会发布）：
        行政复议案件 36件（s1）：全年办理行政复议案件36件、行政诉讼案件12件，行政机关负责人出庭应诉率保持百分之百。
        行政诉讼案件 12件（s1）：全年办理行政复议案件36件、行政诉讼案件12件，行政机关负责人出庭应诉率保持百分之百。
        行政机关负责人出庭应诉率 100%（s1）：全年办理行政复议案件36件、行政诉讼案件12件，行政机关负责人出庭应诉率保持百分之百。
      "
    `);
    const reportMd = readFileSync(path.join(work, 'figures/2023-jiading-gov/report.md'), 'utf8');
    expect(reportMd).toContain('# 请核对：以下关键数据由导入工具从正文中识别，尚未发布。');
    expect(reportMd).toContain('#   - indicator: admin-reconsideration # 行政复议案件 36件');
    // Commented out, nothing is published; uncommented, each figure passes the check.
    const dir = path.join(work, 'figures');
    // Published as the content guide says, recording the first edition (figures are not text).
    await publishAll({ reportsDir: dir, cwd: ROOT });
    const errors = async () =>
      errorsOf(
        (
          await checkContentFiles(
            {
              reportsDir: dir,
              synonymsFile: 'none.yml',
              siteFile: 'none.yml',
              indicatorsFile: path.join(ROOT, 'content/indicators.yml'),
            },
            ROOT,
          )
        ).problems,
      );
    expect(await errors()).toEqual([]);
    writeFileSync(
      path.join(dir, '2023-jiading-gov/report.md'),
      reportMd.replace(/^# (figures:| {2})/gm, '$1'),
    );
    const confirmed = readFileSync(path.join(dir, '2023-jiading-gov/report.md'), 'utf8');
    expect(confirmed).toMatch(/^figures:\n {2}- indicator: admin-reconsideration/m);
    expect(await errors()).toEqual([]);
  });

  it('asks for --title when the text has no title line, and imports with it and the other options', async () => {
    copyFileSync(
      path.join(IMPORT_FIXTURES, 'real/no-title-line.txt'),
      path.join(work, 'no-title.txt'),
    );
    const refused = await runImport('no-title.txt', '--agency-id', 'jinshui');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatchInlineSnapshot(`
      "导入失败：no-title.txt 缺少必要的信息：
        - 原文没有标题行（开头就是正文）。请用 --title 给出报告标题，例如 --title "XX区人民政府关于2023年度法治政府建设情况的报告"
      未写入任何文件。
      "
    `);
    const items = '主要举措和成效,存在的不足和原因,下一年度主要安排';
    const { code, out } = await runImport(
      'no-title.txt',
      ...['--agency-id', 'jinshui', '--out', 'titled', '--items', items],
      ...['--title', '金水镇人民政府2023年法治政府建设工作报告', '--published', '2024-01-20'],
      ...['--source', '金水镇党政办', '--index-number', 'JS-2024-01'],
    );
    expect(code).toBe(0);
    expect(out).toContain('标题：金水镇人民政府2023年法治政府建设工作报告（来自 --title）');
    expect(out).toContain('来源：金水镇党政办（来自 --source）');
    expect(out).toContain('索引号：JS-2024-01（来自 --index-number）');
    expect(out).toContain('s3    三、下一步工作打算  → 下一年度主要安排（来自 --items）');
    expect(await checkedOncePublished(path.join(work, 'titled'), work)).toEqual([]);
    const wrong = await runImport('no-title.txt', '--agency-id', 'jinshui', '--items', '主要成效');
    expect(wrong.err).toContain('--items “主要成效” 看不懂');
  });

  it('refuses a 政策解读 page, saying what it is and which report to import instead', async () => {
    copyFileSync(
      path.join(IMPORT_FIXTURES, 'samples/14-not-a-report-policy-interpretation.txt'),
      path.join(work, '解读.txt'),
    );
    const { code, out, err } = await runImport(
      '解读.txt',
      '--agency-id',
      'qingshui',
      '--out',
      'no',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatchInlineSnapshot(`
      "导入失败：解读.txt 不是法治政府建设年度报告。这是一篇政策解读，讲的是《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》，不是报告本身。请改为导入《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的原文。
      未写入任何文件。
      "
    `);
    expect(existsSync(path.join(work, 'no'))).toBe(false);
  });

  it('reads a GBK file and the Markdown fixture into reports that pass the content checks', async () => {
    const out = path.join(work, 'more');
    const gbk = await runImport(fixture('gbk.txt'), '--agency-id', 'baishi', '--out', 'more');
    expect(gbk.out).toContain('已读取 gbk.txt（GBK/GB18030 编码）');
    const md = await runImport(
      fixture('chapter-parts.md'),
      '--agency-id',
      'yunling-transport',
      '--out',
      'more',
    );
    expect(md.code).toBe(0);
    expect(await checkedOncePublished(out, work)).toEqual([]);
  });
});
