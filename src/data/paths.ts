/** Where the content files are, relative to the project root. */
export interface ContentPaths {
  /** The report folders. */
  reportsDir: string;
  /** The search's synonym list, edited by publishers. */
  synonymsFile: string;
  /** The site's identity (footer, page metadata, 纠错 address). */
  siteFile: string;
  /** The indicators key figures are reported in (content/indicators.yml). */
  indicatorsFile: string;
}

/** The content files of the site itself. */
export const CONTENT_PATHS: ContentPaths = {
  reportsDir: './content/reports',
  synonymsFile: './content/search/synonyms.yml',
  siteFile: './content/site.yml',
  indicatorsFile: './content/indicators.yml',
};

/**
 * The content paths a command works on. Tests point REPORTS_DIR, SYNONYMS_FILE and SITE_CONFIG at
 * fixtures (and INDICATORS_FILE) to build a small site that must fail in a known way; publishers never set them. Only
 * the commands in tools/ call this, with their environment: everything below takes the values.
 */
export function contentPathsFrom(env: Readonly<Record<string, string | undefined>>): ContentPaths {
  return {
    reportsDir: env['REPORTS_DIR'] || CONTENT_PATHS.reportsDir,
    synonymsFile: env['SYNONYMS_FILE'] || CONTENT_PATHS.synonymsFile,
    siteFile: env['SITE_CONFIG'] || CONTENT_PATHS.siteFile,
    indicatorsFile: env['INDICATORS_FILE'] || CONTENT_PATHS.indicatorsFile,
  };
}
