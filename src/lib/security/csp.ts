import { READER_PREFS_EARLY_HASH } from '../reader/early-script.ts';

/**
 * The site's Content-Security-Policy, one directive per line with the reason it is there. The
 * same policy is written into every page as <meta http-equiv> (for hosts that cannot set headers)
 * and into the server configuration shipped for nginx, so the two cannot drift.
 */
export const CSP_DIRECTIVES: readonly { directive: string; why: string }[] = [
  {
    directive: "default-src 'self'",
    why: 'Nothing loads from another origin: no CDN, font or analytics request leaves the site.',
  },
  {
    directive: `script-src 'self' 'wasm-unsafe-eval' ${READER_PREFS_EARLY_HASH}`,
    why: "Only the site's own script files run, and one inline script allowed by its hash (the reader settings applied before first paint, src/lib/reader/early-script.ts), never any other inline script; Pagefind's search engine is WebAssembly, which needs wasm-unsafe-eval (it does not allow eval of JavaScript).",
  },
  {
    directive: "style-src 'self'",
    why: "Only the site's stylesheets apply; no inline style, so content cannot restyle or hide text.",
  },
  {
    directive: "img-src 'self' data:",
    why: "Images are the site's own; data: covers small icons inlined by the stylesheets.",
  },
  {
    directive: "connect-src 'self'",
    why: 'Search fetches its index and texts from the site itself, nowhere else.',
  },
  {
    directive: "font-src 'self'",
    why: 'The site uses system fonts; no font is downloaded from elsewhere.',
  },
  {
    directive: "object-src 'none'",
    why: 'No plug-ins (Flash, PDF embeds) can be loaded by content.',
  },
  {
    directive: "base-uri 'self'",
    why: 'A <base> tag injected by content cannot redirect relative links elsewhere.',
  },
  {
    directive: "form-action 'self'",
    why: 'The search form, the only form, submits to the site itself.',
  },
  {
    directive: "frame-ancestors 'none'",
    why: 'Other sites cannot frame the pages (clickjacking); only effective as a header.',
  },
];

/** The policy as a header value. */
export const CSP = CSP_DIRECTIVES.map(({ directive }) => directive).join('; ');

/**
 * Fetch directives a browser resolves through default-src when they are absent (CSP Level 3,
 * "default-src"). base-uri, form-action and frame-ancestors are not among them.
 */
const FALLS_BACK_TO_DEFAULT = new Set([
  'script-src',
  'style-src',
  'img-src',
  'connect-src',
  'font-src',
  'object-src',
  'media-src',
  'frame-src',
  'worker-src',
  'manifest-src',
  'child-src',
]);

const nameOf = (directive: string) => directive.split(' ')[0]!;
const sourcesOf = (directive: string) => directive.split(' ').slice(1).join(' ');
const DEFAULT_SOURCES = sourcesOf(CSP_DIRECTIVES[0]!.directive);

/**
 * The policy for <meta http-equiv>, written into every page (a dozen per report), so only what
 * changes the policy: browsers ignore frame-ancestors there and warn about it, and a fetch
 * directive that restates default-src is the policy default-src already gives. The header keeps
 * every directive with its reason; a unit test checks that each resolves the same in both.
 */
export const CSP_META = CSP_DIRECTIVES.map(({ directive }) => directive)
  .filter(
    (directive) =>
      nameOf(directive) !== 'frame-ancestors' &&
      !(FALLS_BACK_TO_DEFAULT.has(nameOf(directive)) && sourcesOf(directive) === DEFAULT_SOURCES),
  )
  .join('; ');

/** What `policy` allows for `directive`, as a browser resolves it (fetch directives fall back). */
export function effectiveSources(policy: string, directive: string): string | undefined {
  const directives = new Map(
    policy.split('; ').map((entry) => [nameOf(entry), sourcesOf(entry)] as const),
  );
  return (
    directives.get(directive) ??
    (FALLS_BACK_TO_DEFAULT.has(directive) ? directives.get('default-src') : undefined)
  );
}
