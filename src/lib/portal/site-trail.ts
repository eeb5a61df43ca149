import { t } from '../../i18n/ui.ts';
import { sitePaths } from '../addresses/site-paths.ts';
import { type Crumb, type TrailPage, trail } from './breadcrumb.ts';

/** 当前位置 of a page of this site, with the site's base and wording bound. */
export function siteTrail(page: TrailPage): Crumb[] {
  return trail(
    page,
    {
      home: sitePaths.homePath(),
      year: sitePaths.yearPath,
      agency: sitePaths.agencyPath,
      report: sitePaths.reportPath,
    },
    { home: t('breadcrumb.home'), year: t('home.yearHeading') },
  );
}
