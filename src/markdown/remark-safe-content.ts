import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * Report content must not be able to run code, at build time or in a reader's browser. Raw HTML
 * in Markdown is refused outright (publishers have Markdown for everything a report needs). MDX
 * is Markdown without code: no import/export, no {expressions}, and only the components the site
 * registers in MDX_COMPONENTS, with literal props; script-capable elements, event handlers,
 * `style` and `set:*` are named in the refusal whatever their case. The content check runs this on
 * the MDX syntax tree before Astro starts; Astro's pipeline runs it again as a second line.
 */

/**
 * Components publishers may use in MDX, with the props each accepts (literal strings only). None
 * yet: a report needs nothing Markdown lacks. A component added here must render text only.
 */
export const MDX_COMPONENTS: Readonly<Record<string, readonly string[]>> = {};

const SCRIPT_CAPABLE = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'portal',
  'fragment',
]);
const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

export function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme (java\tscript:).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return SAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/** One refusal: the line in the body (from 1) and what to tell the publisher. */
export interface UnsafeContent {
  line: number | undefined;
  message: string;
}

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

const NO_CODE = '报告正文只用 Markdown 书写，不能含代码';

/** Every unsafe construct in a Markdown or MDX syntax tree, in document order. */
export function findUnsafeContent(tree: Node): UnsafeContent[] {
  const found: UnsafeContent[] = [];
  const refuse = (node: Node, message: string) =>
    found.push({ line: node.position?.start.line, message });
  visit(tree, (node) => {
    switch (node.type) {
      case 'html': {
        const snippet = String((node as unknown as { value: string }).value)
          .trim()
          .slice(0, 40);
        refuse(
          node,
          `不允许在 Markdown 中直接写 HTML（发现 ${snippet}）。请改用 Markdown 语法书写；确需特殊排版请联系网站技术人员。`,
        );
        return;
      }
      case 'link':
      case 'image':
      case 'definition': {
        const url = (node as unknown as { url: string }).url;
        if (!isSafeUrl(url))
          refuse(node, `链接地址不安全：${url}。只允许 http(s)、mailto、tel 或站内地址。`);
        return;
      }
      case 'mdxjsEsm':
        refuse(node, `不允许使用 import 或 export 语句：${NO_CODE}。请删除这一行。`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse(
          node,
          `不允许使用花括号表达式 {…}：${NO_CODE}。如需写花括号，请把文件改为 .md 扩展名。`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node as unknown as JsxNode, (message) => refuse(node, message));
        return;
    }
  });
  return found;
}

function checkElement(jsx: JsxNode, refuse: (message: string) => void) {
  if (!jsx.name) {
    refuse(`不允许使用空标签 <>…</>：${NO_CODE}。请删除它。`);
    return;
  }
  const tag = `<${jsx.name}>`;
  const props = MDX_COMPONENTS[jsx.name];
  if (SCRIPT_CAPABLE.has(jsx.name.toLowerCase()))
    refuse(`不允许在内容中使用 ${tag} 元素，它可能在读者浏览器中运行代码。请删除它。`);
  else if (!props)
    refuse(
      `不允许使用 ${tag}：内容中只能用 Markdown 语法${
        Object.keys(MDX_COMPONENTS).length
          ? `和这些组件：${Object.keys(MDX_COMPONENTS).join('、')}`
          : ''
      }。请改用 Markdown 书写。`,
    );
  for (const attribute of jsx.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      refuse(`${tag} 上不允许使用展开属性 {...}：${NO_CODE}。`);
      continue;
    }
    const name = attribute.name;
    if (/^on/i.test(name)) refuse(`不允许使用事件属性 ${name}（在 ${tag} 上），它会运行代码。`);
    else if (/^style$/i.test(name))
      refuse(`不允许使用 style 属性（在 ${tag} 上）：版式由网站统一设定。`);
    else if (/^(?:set:|dangerouslysetinnerhtml$|is:)/i.test(name))
      refuse(`不允许使用 ${name}（在 ${tag} 上），它会插入未经检查的内容。`);
    if (attribute.value !== null && typeof attribute.value === 'object')
      refuse(`${tag} 的属性 ${name} 不能是花括号表达式 {…}，只能写成带引号的文字。`);
    else if (
      /^(?:href|src|action|formaction|xlink:href|poster|data)$/i.test(name) &&
      typeof attribute.value === 'string' &&
      !isSafeUrl(attribute.value)
    )
      refuse(`链接地址不安全：${attribute.value}（在 ${tag} 的 ${name} 上）。`);
    else if (props && !props.includes(name) && !/^(?:on|style$|set:|is:)/i.test(name))
      refuse(`${tag} 不接受属性 ${name}；可用的属性：${props.join('、') || '无'}。`);
  }
}

/** The same rules inside Astro's Markdown and MDX pipeline: the first refusal stops the build. */
export default function remarkSafeContent() {
  return (tree: Root, file: VFile) => {
    const [first] = findUnsafeContent(tree);
    if (first) file.fail(first.message, first.line ? { line: first.line, column: 1 } : undefined);
  };
}
