import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The site's public address as the desk remembers it (content/deploy.yml), so a publisher types
 * SITE_URL once. `npm run build` still takes SITE_URL from the environment, as documented.
 */
export const DEPLOY_FILE = 'deploy.yml';

/** The remembered address, from `contentDir`/deploy.yml; undefined when there is none. */
export function readDeploySiteUrl(contentDir: string): string | undefined {
  try {
    const data = parse(readFileSync(path.join(contentDir, DEPLOY_FILE), 'utf8')) as unknown;
    const value = (data as { siteUrl?: unknown } | null)?.siteUrl;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The upload step and the checklist of the content guide's 发布上线 section (content/README.md),
 * shown by the desk when a build is done, so the two never say different things.
 */
export function readDeployChecklist(root: string): { upload: string[]; checks: string[] } {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'content/README.md'), 'utf8');
  } catch {
    return { upload: [], checks: [] };
  }
  const section = /\n## [^\n]*发布上线\n([\s\S]*?)(?=\n## |$)/.exec(text)?.[1] ?? '';
  const part = (heading: RegExp) => {
    const start = section.search(heading);
    if (start === -1) return '';
    const rest = section.slice(start).replace(/^[^\n]*\n/, '');
    const end = rest.search(/\n### /);
    return end === -1 ? rest : rest.slice(0, end);
  };
  const paragraphs = (block: string) =>
    block
      .split(/\n\s*\n/)
      .map((each) => each.replace(/\n/g, '').trim())
      .filter((each) => each && !each.startsWith('```'));
  const upload = paragraphs(part(/### \d+\. 上传/));
  // Continuation lines (indented) belong to the item above.
  const raw = part(/### \d+\. 检查上线结果/).split('\n');
  const merged: string[] = [];
  for (const line of raw) {
    const item = /^\s*\d+\.\s+(.*)$/.exec(line)?.[1];
    if (item !== undefined) merged.push(item);
    else if (merged.length && /^\s{2,}\S/.test(line)) merged[merged.length - 1] += line.trim();
  }
  return { upload, checks: merged };
}
