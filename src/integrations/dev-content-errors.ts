import type { AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { type ContentProblem, checkContentFiles } from '../data/content-check.ts';
import { isUnrecordedChange } from '../data/editions.ts';
import type { ContentPaths } from '../data/paths.ts';
import { devErrorPage } from '../node/dev-error-page.ts';

/**
 * In `npm run dev`, checks the content before every page request and, when something is wrong,
 * answers with a Chinese page listing every problem (file:line, field, found, expected) instead of
 * an older page or Astro's English overlay. Checking takes a fraction of a second; nothing is
 * cached, so a saved fix shows on the next reload. src/integrations/site-options.ts installs it.
 */
export function devContentErrors(paths: ContentPaths, logger: AstroIntegrationLogger): Plugin {
  return {
    name: 'fzzf:dev-content-errors',
    // Not returning a function: this middleware runs before Astro's own.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const accept = req.headers.accept ?? '';
        if (req.method !== 'GET' || !accept.includes('text/html')) return next();
        blockingIssues(paths).then(
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
}

/** The errors that would stop a build (warnings stay for npm run check:content). */
export async function blockingIssues(paths: ContentPaths): Promise<ContentProblem[]> {
  // A change to a published report not yet recorded as a correction is previewed, so the
  // correction can be read before it is recorded; check:content and the build still stop.
  return (
    await checkContentFiles(paths, undefined, undefined, { warnings: false })
  ).problems.filter((problem) => !isUnrecordedChange(problem));
}
