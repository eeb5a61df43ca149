/**
 * 当前位置: the trail from the home page to this page. The last crumb is the page itself and
 * has no link; every other crumb links to a page that lists this one.
 */
export interface Crumb {
  label: string;
  href?: string;
}

export interface TrailPaths {
  home: string;
  year: (year: number) => string;
  agency: (id: string) => string;
  report: (folder: string) => string;
}

export type TrailPage =
  | { kind: 'home' }
  | { kind: 'page'; title: string }
  | { kind: 'year'; year: number }
  | { kind: 'agency'; name: string }
  | { kind: 'report'; year: number; folder: string; title: string }
  | { kind: 'section'; year: number; folder: string; title: string; heading: string };

export function trail(
  page: TrailPage,
  paths: TrailPaths,
  labels: { home: string; year: (year: number) => string },
): Crumb[] {
  const home: Crumb = { label: labels.home, href: paths.home };
  switch (page.kind) {
    case 'home':
      return [{ label: labels.home }];
    case 'page':
      return [home, { label: page.title }];
    case 'agency':
      return [home, { label: page.name }];
    case 'year':
      return [home, { label: labels.year(page.year) }];
    case 'report':
      return [
        home,
        { label: labels.year(page.year), href: paths.year(page.year) },
        { label: page.title },
      ];
    case 'section':
      return [
        home,
        { label: labels.year(page.year), href: paths.year(page.year) },
        { label: page.title, href: paths.report(page.folder) },
        { label: page.heading },
      ];
  }
}
