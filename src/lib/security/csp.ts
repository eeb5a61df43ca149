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

/** The policy for <meta http-equiv>: browsers ignore frame-ancestors there and warn about it. */
export const CSP_META = CSP_DIRECTIVES.filter(
  ({ directive }) => !directive.startsWith('frame-ancestors'),
)
  .map(({ directive }) => directive)
  .join('; ');
