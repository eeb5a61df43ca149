import { describe, expect, it } from 'vitest';
import { formWording } from '../../src/lib/desk/wording.ts';

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
