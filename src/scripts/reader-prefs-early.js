(function () {
  var p;
  try {
    p = JSON.parse(localStorage.getItem('fz-reader') || '{}') || {};
  } catch {
    return;
  }
  var ok = { size: /^(s|l|xl)$/, theme: /^(light|dark)$/, contrast: /^(high|normal)$/ };
  var attr = { size: 'data-text-size', theme: 'data-theme', contrast: 'data-contrast' };
  for (var k in attr) if (ok[k].test(p[k])) document.documentElement.setAttribute(attr[k], p[k]);
})();
