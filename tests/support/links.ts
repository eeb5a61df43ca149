import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, htmlFiles, page } from './dist.ts';

/**
 * Every internal link, stylesheet, script, icon and redirect target in `files` of a built site,
 * checked against the files and ids in `dist`, for a site mounted at `base`. Returns one line
 * per broken reference (file, reference, what is missing); canonical URLs are absolute and
 * checked elsewhere.
 */
export function brokenReferences(dist = DIST, base = '/', files = htmlFiles(dist)): string[] {
  const broken: string[] = [];
  for (const file of files) {
    const $ = page(file, dist);
    const refs = [
      ...$('a[href], link[href]:not([rel="canonical"])')
        .toArray()
        .map((element) => element.attribs['href']!),
      ...$('script[src]')
        .toArray()
        .map((element) => element.attribs['src']!),
      ...$('meta[http-equiv="refresh"]')
        .toArray()
        .map((element) => element.attribs['content']!.replace(/^\d+;\s*url=/, '')),
    ];
    // The file's own path, not its pretty URL: 404.html links to #main in itself.
    const here = `${base}${file.replace(/index\.html$/, '')}`;
    for (const ref of refs) {
      const url = new URL(ref, `http://site${here}`);
      if (url.host !== 'site') continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${file}: ${ref} is outside ${base}`);
        continue;
      }
      let target = decodeURIComponent(url.pathname.slice(base.length));
      if (target === '' || target.endsWith('/')) target += 'index.html';
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!existsSync(path.join(dist, target))) broken.push(`${file}: ${ref} (no ${target})`);
      else if (
        fragment &&
        target.endsWith('.html') &&
        page(target, dist)(`[id="${fragment}"]`).length === 0
      )
        broken.push(`${file}: ${ref} (no #${fragment})`);
    }
  }
  return broken;
}
