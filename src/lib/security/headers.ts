import { CSP } from './csp.ts';

/**
 * The response headers every page and file of the site is served with, each with the reason it
 * is there. The nginx configuration (src/node/nginx.ts), `npm run preview` and the browser tests
 * all take them from here, so what is tested is what ships.
 */
export const SECURITY_HEADERS: readonly { name: string; value: string; why: string }[] = [
  {
    name: 'Content-Security-Policy',
    value: CSP,
    why: 'The policy of src/lib/security/csp.ts; as a header it also enforces frame-ancestors.',
  },
  {
    name: 'X-Content-Type-Options',
    value: 'nosniff',
    why: 'Browsers trust the declared type, so an uploaded text file is never run as a script.',
  },
  {
    name: 'X-Frame-Options',
    value: 'DENY',
    why: 'Older browsers that ignore CSP frame-ancestors still refuse to frame the pages.',
  },
  {
    name: 'Referrer-Policy',
    value: 'strict-origin-when-cross-origin',
    why: 'Links to other sites (原文链接) send only the origin, never the page or a search query.',
  },
  {
    name: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    why: 'The site needs no device access; content can never ask for it.',
  },
  {
    name: 'Cross-Origin-Opener-Policy',
    value: 'same-origin',
    why: 'A page opened from another site cannot script this one through window.opener.',
  },
];

/** How long a browser may keep a file, by what kind of file it is. */
export const CACHE_CONTROL = {
  /** Astro's /_astro/ files carry a content hash in their names: a new build gets new names. */
  hashed: 'public, max-age=31536000, immutable',
  /**
   * Pages and Pagefind's unhashed files (pagefind.js, pagefind-entry.json) keep their names from
   * build to build; a minute's cache keeps repeat visits cheap and a new build visible at once.
   */
  short: 'public, max-age=60, must-revalidate',
} as const;

/** Paths (under the base) of files whose names change when their content does. */
export function isHashedAsset(pathUnderBase: string): boolean {
  return (
    pathUnderBase.startsWith('_astro/') ||
    // pagefind.<language>_<hash>.pf_meta and the index, filter and fragment chunks are named by
    // hash, in the primary index and in those of years and parts nested under it
    // (years/2016/, parts/2/years/2016/); wasm.unknown.pagefind, pagefind.js and
    // pagefind-entry.json are not.
    /^pagefind\/(?:(?:years|parts)\/[\w-]+\/)*(?:index\/|filter\/|fragment\/|pagefind\.[^/]+_[0-9a-f]+\.pf_meta$)/.test(
      pathUnderBase,
    )
  );
}
