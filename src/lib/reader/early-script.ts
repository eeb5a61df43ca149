/**
 * Applies saved reader settings (text size, colour scheme, contrast) before first paint, so a
 * reader who chose dark or large text never sees a flash of the default. It runs inline in
 * <head>: as an external file it cost every page a blocking request on a slow connection. The
 * Content-Security-Policy allows exactly this text by its hash (READER_PREFS_EARLY_HASH; a unit
 * test recomputes it), and nothing else inline. It mirrors prefsToAttributes in prefs.ts (values
 * are checked there and here); where storage is blocked or unreadable the page keeps its defaults.
 * Kept to ES5 and one line: it is sent in every page as written.
 */
export const READER_PREFS_EARLY =
  "(function(){var p;try{p=JSON.parse(localStorage.getItem('fz-reader')||'{}')||{}}catch(e){return}var ok={size:/^(s|l|xl)$/,theme:/^(light|dark)$/,contrast:/^(high|normal)$/},attr={size:'data-text-size',theme:'data-theme',contrast:'data-contrast'};for(var k in attr)if(ok[k].test(p[k]))document.documentElement.setAttribute(attr[k],p[k])})();";

/** CSP source for READER_PREFS_EARLY: sha256 of its exact text, base64. */
export const READER_PREFS_EARLY_HASH = "'sha256-Uc/b9Ogs86G4W3br9vtJ6oITEAdOTl772nw+Sl0oGdw='";
