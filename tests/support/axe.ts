import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core's own file, injected into the page: nothing is fetched from the network. The page
// must be opened with bypassCSP, since the site's own CSP refuses an injected inline script.
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.2 AA and best-practice violations on the page (AAA contrast too when asked). */
export async function axe(page: Page, enhancedContrast: boolean): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async (enhanced) => {
    const result = await (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: [
          'wcag2a',
          'wcag2aa',
          'wcag21a',
          'wcag21aa',
          'wcag22aa',
          'best-practice',
          ...(enhanced ? ['wcag2aaa'] : []),
        ],
      },
    });
    return result.violations;
  }, enhancedContrast);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}): ${node.target.join(' ')}`),
  );
}
