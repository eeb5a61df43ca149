import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * Report content must not be able to run script in a reader's browser. Raw HTML in Markdown
 * is refused outright (publishers have Markdown for everything a report needs); in MDX, HTML
 * elements that run or embed code, event-handler attributes and script URLs are refused.
 * Components (capitalised names) come from src/components and are reviewed code.
 * The build stops with the file and line, so nothing unsafe is published silently.
 */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
]);
const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

export function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme (java\tscript:).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return SAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ''));
}

export default function remarkSafeContent() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'html') {
        const snippet = node.value.trim().slice(0, 40);
        file.fail(
          `不允许在 Markdown 中直接写 HTML（发现 ${snippet}）。请改用 Markdown 语法书写；确需特殊排版请联系网站技术人员。`,
          node,
        );
      }
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        if (!isSafeUrl(node.url))
          file.fail(`链接地址不安全：${node.url}。只允许 http(s)、mailto、tel 或站内地址。`, node);
      }
      const jsx = node as unknown as JsxNode;
      if (
        (jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') &&
        jsx.name &&
        /^[a-z]/.test(jsx.name)
      ) {
        if (FORBIDDEN_ELEMENTS.has(jsx.name))
          file.fail(`不允许在内容中使用 <${jsx.name}> 元素，它可能在读者浏览器中运行代码。`, node);
        for (const attribute of jsx.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
            file.fail(`<${jsx.name}> 上不允许使用展开属性（{...}）。`, node);
          }
          if (/^on/i.test(attribute.name))
            file.fail(`不允许使用事件属性 ${attribute.name}（在 <${jsx.name}> 上）。`, node);
          if (
            /^(?:href|src|action|formaction|xlink:href)$/i.test(attribute.name) &&
            typeof attribute.value === 'string' &&
            !isSafeUrl(attribute.value)
          ) {
            file.fail(
              `链接地址不安全：${attribute.value}（在 <${jsx.name}> 的 ${attribute.name} 上）。`,
              node,
            );
          }
          if (attribute.name === 'dangerouslySetInnerHTML' || attribute.name === 'set:html')
            file.fail(`不允许使用 ${attribute.name}。`, node);
        }
      }
    });
  };
}
