import * as urls from './urls.ts';

/**
 * The site's paths with the configured base bound once (Starlight's pathWithBase): pages and
 * components import these instead of reading import.meta.env themselves. Vite replaces
 * BASE_URL at build time, so this module is safe in the browser too.
 */
export const BASE = urls.normaliseBase(import.meta.env.BASE_URL);

export const homePath = (): string => urls.homePath(BASE);
export const reportPath = (folder: string): string => urls.reportPath(BASE, folder);
export const sectionPath = (folder: string, id: string): string =>
  urls.sectionPath(BASE, folder, id);
export const sectionAnchorPath = (folder: string, id: string): string =>
  urls.sectionAnchorPath(BASE, folder, id);
export const searchPath = (query?: string): string => urls.searchPath(BASE, query);
export const assetPath = (file: string): string => urls.assetPath(BASE, file);
export const yearPath = (year: number): string => urls.yearPath(BASE, year);
export const agencyPath = (agencyId: string): string => urls.agencyPath(BASE, agencyId);
export const reportDataPath = (folder: string, format: urls.ReportDataFormat): string =>
  urls.reportDataPath(BASE, folder, format);
export const statutoryRulePath = (): string => urls.statutoryRulePath(BASE);
export const editionsPath = (folder: string): string => urls.editionsPath(BASE, folder);
export const editionPath = (folder: string, edition: number): string =>
  urls.editionPath(BASE, folder, edition);
export const editionSectionPath = (folder: string, edition: number, id: string): string =>
  urls.editionSectionPath(BASE, folder, edition, id);
export const comparePath = (folder: string, before: number, after: number): string =>
  urls.comparePath(BASE, folder, before, after);
