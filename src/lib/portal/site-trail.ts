import { t } from '../../i18n/ui.ts';
import { agencyPath, homePath, reportPath, yearPath } from '../addresses/site-paths.ts';
import { type Crumb, type TrailPage, trail } from './breadcrumb.ts';

/** 当前位置 of a page of this site, with the site's base and wording bound. */
export function siteTrail(page: TrailPage): Crumb[] {
  return trail(
    page,
    { home: homePath(), year: yearPath, agency: agencyPath, report: reportPath },
    { home: t('breadcrumb.home'), year: t('home.yearHeading') },
  );
}
