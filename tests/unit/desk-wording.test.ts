import { describe, expect, it } from 'vitest';
import { deskCommandWording, formWording, needsEditionStep } from '../../src/lib/desk/wording.ts';

describe('desk wording of importer notes', () => {
  it('names the form field where the command line names an option', () => {
    expect(formWording('如机构名不对，请用 --agency 给出全称')).toBe(
      '如机构名不对，请在表单的“机构全称”中给出全称',
    );
    expect(formWording('如原文有落款，请用 --signature "单位 日期" 给出')).toBe(
      '如原文有落款，请在表单的“落款单位”和“落款日期”中给出',
    );
    expect(formWording('请用 --year 2023 指明报告所述年度')).toBe(
      '请在表单的“年度”中指明报告所述年度',
    );
  });

  it('leaves other text alone', () => {
    expect(formWording('编号不连续，已按正文导入，请核对原文')).toBe(
      '编号不连续，已按正文导入，请核对原文',
    );
  });
});

describe('desk wording of content messages', () => {
  it('points to the desk page that does what a command does', () => {
    const text =
      '已发布的报告不能改回草稿：删去 draft: true。要更正，改好后运行 npm run correct -- 2024-x --note "更正说明"；要撤回，运行 npm run withdraw -- 2024-x --note "撤回原因"';
    expect(deskCommandWording(text)).toBe(
      '已发布的报告不能改回草稿：删去 draft: true。要更正，改好后在“发布”页写更正说明并点“记录更正”；要撤回，在“发布”页写撤回原因并撤回',
    );
    expect(needsEditionStep(text)).toBe(true);
    expect(deskCommandWording('运行 npm run publish-report -- 2024-x 记录它的第一版')).toBe(
      '在这份报告的“发布”页记录第一版',
    );
    expect(needsEditionStep('应为 YYYY-MM-DD')).toBe(false);
  });
});
