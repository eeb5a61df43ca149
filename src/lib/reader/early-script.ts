/**
 * Applies saved reader settings (text size, colour scheme, contrast) before first paint, so a
 * reader who chose dark or large text never sees a flash of the default. It runs inline in
 * <head>: as an external file it cost every page a blocking request on a slow connection. The
 * Content-Security-Policy allows exactly this text by its hash (READER_PREFS_EARLY_HASH; a unit
 * test recomputes it), and nothing else inline. It mirrors prefsToAttributes in prefs.ts (values
 * are checked there and here); where storage is blocked or unreadable the page keeps its defaults.
 * Kept to ES5, one line and as few bytes as it can be: it is sent in every page as written (a
 * dozen per report), and any failure (no storage, bad JSON, null) leaves the defaults.
 */
export const READER_PREFS_EARLY =
  "try{(function(p,a,k){for(k in a)a[k].test(p[k])&&document.documentElement.setAttribute('data-'+k,p[k])})(JSON.parse(localStorage.getItem('fz-reader')),{size:/^(s|l|xl)$/,theme:/^(light|dark)$/,contrast:/^(high|normal)$/})}catch(e){}";

/** CSP source for READER_PREFS_EARLY: sha256 of its exact text, base64. */
export const READER_PREFS_EARLY_HASH = "'sha256-77cQWTSEEWlU6JV1RVgLeHj8vkyEijbH3x/o0RGAgdc='";
