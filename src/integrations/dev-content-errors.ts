import type { AstroIntegration } from 'astro';
import path from 'node:path';
import type { Plugin } from 'vite';
import { readSynonyms } from '../data/content-files.ts';
import { type LocatedIssue, reviewReports } from '../data/content-review.ts';
import { isUnrecordedChange } from '../data/editions.ts';
import { REPORTS_DIR, SYNONYMS_FILE } from '../data/paths.ts';
import { devErrorPage } from '../node/dev-error-page.ts';

/**
 * In `npm run dev`, checks the content before every page request and, when something is wrong,
 * answers with a Chinese page listing every problem (file:line, field, found, expected) instead of
 * an older page or Astro's English overlay. Checking takes a fraction of a second; nothing is
 * cached, so a saved fix shows on the next reload.
 */
export default function devContentErrors(): AstroIntegration {
  return {
    name: 'fzzf:dev-content-errors',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command !== 'dev') return;
        const plugin: Plugin = {
          name: 'fzzf:dev-content-errors',
          // Not returning a function: this middleware runs before Astro's own.
          configureServer(server) {
            server.middlewares.use((req, res, next) => {
              const accept = req.headers.accept ?? '';
              if (req.method !== 'GET' || !accept.includes('text/html')) return next();
              blockingIssues().then(
                (issues) => {
                  if (!issues.length) return next();
                  logger.error(`内容有 ${issues.length} 处错误，预览页面显示了错误清单。`);
                  res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
                  res.end(devErrorPage(issues));
                },
                () => next(),
              );
            });
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

/**
 * The errors that would stop a build (warnings stay for npm run check:content), but for changes
 * to a published report not yet recorded as a correction: the preview shows them, so the
 * correction can be read before it is recorded.
 */
export async function blockingIssues(): Promise<LocatedIssue[]> {
  const reports = await reviewReports(path.resolve(REPORTS_DIR));
  const synonyms = (await readSynonyms(path.resolve(SYNONYMS_FILE))).issues.map(
    (issue): LocatedIssue => ({ ...issue, severity: 'error', line: 1 }),
  );
  return [...reports, ...synonyms].filter(
    (issue) => issue.severity === 'error' && !isUnrecordedChange(issue),
  );
}
