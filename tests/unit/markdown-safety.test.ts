import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/data/body-check.ts';
import { isSafeUrl } from '../../src/markdown/remark-safe-content.ts';

describe('content safety', () => {
  it('accepts plain Markdown with bold, links and lists', () => {
    expect(
      checkBody(
        'a.md',
        '**“守护钱袋子”**电信网络诈骗。\n\n[政府网](https://www.gov.cn/)\n\n- 一\n- 二\n',
        9,
      ),
    ).toEqual([]);
  });

  it('refuses raw HTML and gives the line in the file', () => {
    const [issue] = checkBody(
      'content/reports/x/s1.md',
      '第一段。\n\n<script>alert(1)</script>\n',
      9,
    );
    expect(issue).toMatchObject({ file: 'content/reports/x/s1.md', line: 11, field: '（正文）' });
    expect(issue!.found).toContain('不允许在 Markdown 中直接写 HTML');
  });

  it('refuses inline HTML with an event handler', () => {
    expect(checkBody('a.md', '文字<img src=x onerror=alert(1)>文字', 1)).toHaveLength(1);
  });

  it('refuses script URLs in links, images and definitions', () => {
    expect(checkBody('a.md', '[点我](javascript:alert(1))', 1)).toHaveLength(1);
    expect(checkBody('a.md', '![图](data:text/html,<script>)', 1)).toHaveLength(1);
    expect(checkBody('a.md', '[a][x]\n\n[x]: vbscript:msgbox', 1)).toHaveLength(1);
  });

  it('in MDX, refuses components outside the allow-list, script elements, handlers and spreads', () => {
    expect(checkBody('a.mdx', '**提示**\n', 1)).toEqual([]);
    expect(checkBody('a.mdx', '<Note>提示</Note>\n', 1)[0]!.found).toContain('不允许使用 <Note>');
    expect(checkBody('a.mdx', '<script>alert(1)</script>\n', 1)[0]!.found).toContain('<script>');
    const found = (body: string) =>
      checkBody('a.mdx', body, 1)
        .map((issue) => issue.found)
        .join('\n');
    expect(found('<a href="#" onClick={x}>x</a>\n')).toContain('事件属性 onClick');
    expect(found('<a href="javascript:void(0)">x</a>\n')).toContain('链接地址不安全');
    expect(found('<div {...props}>x</div>\n')).toContain('展开属性');
    expect(found('<SCRIPT>alert(1)</SCRIPT>\n')).toContain('<SCRIPT> 元素');
    expect(found('<Fragment set:html={x} />\n')).toContain('set:html');
    expect(found('<p style="color:red">x</p>\n')).toContain('style 属性');
    expect(found('export const x = 1\n')).toContain('import 或 export');
    expect(found('import X from "x"\n')).toContain('import 或 export');
    expect(found('文字{alert(1)}文字\n')).toContain('花括号表达式');
    expect(found('<a href={"javascript:x"}>x</a>\n')).toContain('不能是花括号表达式');
    expect(found('{<script>alert(1)</script>}\n')).toContain('花括号表达式');
  });

  it('tells safe URLs from script URLs, whatever their spelling', () => {
    for (const url of [
      'https://www.gov.cn/',
      'http://a.b/c',
      'mailto:a@b.cn',
      'tel:021-1234',
      '#s1-2',
      '/reports/',
      './x',
      '../y',
      's1-2/',
    ])
      expect(isSafeUrl(url), url).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'java\tscript:x',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(isSafeUrl(url), url).toBe(false);
  });
});
