/**
 * Adds the stylesheet at `href` to the page once, for a script that brings its own rules: what
 * only shows once the reader acts is not in the stylesheet every first visit loads. Resolves when
 * it has loaded, so nothing is shown unstyled; also when it fails, since the controls still work.
 */
export function addStylesheet(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(link);
  return loaded;
}
