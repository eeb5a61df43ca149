import { deskUi } from '../../i18n/desk.ts';

/**
 * HTML for the desk's pages. Every value goes through `esc` (text and attributes alike): titles,
 * file names and report text are untrusted and are shown as text, never as markup.
 */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface PageOptions {
  base: string;
  title: string;
  body: string;
  /** Which navigation entry is the current page. */
  current?: 'reports' | 'import' | 'build';
  /** Reload the page every N seconds (a running build), without script. */
  refresh?: number;
}

export function page({ base, title, body, current, refresh }: PageOptions): string {
  const nav = (
    [
      ['reports', `${base}/`, deskUi['nav.reports']],
      ['import', `${base}/import`, deskUi['nav.import']],
      ['build', `${base}/build`, deskUi['nav.build']],
    ] as const
  )
    .map(
      ([key, href, label]) =>
        `<li><a href="${esc(href)}"${key === current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
${refresh ? `<meta http-equiv="refresh" content="${refresh}">` : ''}
<title>${esc(deskUi.title(title))}</title>
<link rel="stylesheet" href="${esc(base)}/assets/desk.css">
<script type="module" src="${esc(base)}/assets/desk.js"></script>
</head>
<body>
<a class="skip-link" href="#main">${esc(deskUi.skipLink)}</a>
<header class="desk-bar">
<a class="desk-brand" href="${esc(base)}/">${esc(deskUi.name)}</a>
<nav aria-label="${esc(deskUi['nav.label'])}"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="desk-footer"><p>${esc(deskUi.footer)}</p></footer>
</body>
</html>
`;
}

/** A message box: an error (role alert), or a notice that something was done (role status). */
export function notice(kind: 'error' | 'ok' | 'info', text: string, extra = ''): string {
  const role = kind === 'error' ? 'alert' : 'status';
  return `<div class="notice notice-${kind}" role="${role}"><p>${esc(text)}</p>${extra}</div>`;
}

/** Text with `code` spans (the content guide's Markdown) as HTML, everything else escaped. */
export function inlineCode(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      /^`[^`]+`$/.test(part)
        ? `<code>${esc(part.slice(1, -1))}</code>`
        : esc(part.replace(/\*\*/g, '')),
    )
    .join('');
}
