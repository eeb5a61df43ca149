/**
 * Where reports live. Tests point REPORTS_DIR at a fixture folder to build a small site that
 * must fail in a known way; publishers never set it.
 */
export const REPORTS_DIR = process.env['REPORTS_DIR'] ?? './content/reports';

/** The search's synonym list, edited by publishers. Tests point SYNONYMS_FILE at fixtures. */
export const SYNONYMS_FILE = process.env['SYNONYMS_FILE'] ?? './content/search/synonyms.yml';
