/**
 * Where reports live. Tests point REPORTS_DIR at a fixture folder to build a small site that
 * must fail in a known way; publishers never set it.
 */
export const REPORTS_DIR = process.env['REPORTS_DIR'] ?? './content/reports';

/** The search's synonym list, edited by publishers. Tests point SYNONYMS_FILE at fixtures. */
export const SYNONYMS_FILE = process.env['SYNONYMS_FILE'] ?? './content/search/synonyms.yml';

/** The site's identity (footer, page metadata, 纠错 address). Tests point SITE_CONFIG at fixtures. */
export const SITE_CONFIG_FILE = process.env['SITE_CONFIG'] ?? './content/site.yml';

/** The indicators figures are reported in (content/indicators.yml). Tests point INDICATORS_FILE at fixtures. */
export const INDICATORS_FILE = process.env['INDICATORS_FILE'] ?? './content/indicators.yml';
