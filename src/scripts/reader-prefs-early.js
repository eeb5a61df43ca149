// A classic script in <head>, loaded before the stylesheet's first paint, so a saved text size,
// colour scheme or contrast shows from the first frame (no flash) without an inline script.
// It mirrors prefsToAttributes in src/lib/reader-prefs.ts; values are checked there and here.
(function () {
  try {
    var prefs = JSON.parse(localStorage.getItem('fz-reader') || '{}');
    var allowed = { size: /^(s|l|xl)$/, theme: /^(light|dark)$/, contrast: /^(high|normal)$/ };
    var names = { size: 'data-text-size', theme: 'data-theme', contrast: 'data-contrast' };
    for (var key in names) {
      if (allowed[key].test(prefs[key]))
        document.documentElement.setAttribute(names[key], prefs[key]);
    }
  } catch {
    // Storage blocked or unreadable: the page keeps its defaults.
  }
})();
