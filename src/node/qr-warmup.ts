import type { LoadedContent } from '../data/report-folders.ts';
import { absoluteUrl, reportPath, sectionPath, siteUrl } from '../lib/addresses/urls.ts';
import { qrImage, saveQrImages } from './qr.ts';

/**
 * The addresses the site prints as QR codes: the canonical URL of every report page and every
 * section page (the pages that give BaseLayout `qrCode`), for the public address `siteUrlValue`
 * (SITE_URL). Drafts are included: an address no page prints only costs its code.
 */
export function printedAddresses(
  { reports, sections }: Pick<LoadedContent, 'reports' | 'sections'>,
  siteUrlValue?: string,
): string[] {
  const { site, base } = siteUrl(siteUrlValue);
  return [
    ...reports.map((report) => absoluteUrl(site, reportPath(base, report.folder))),
    ...sections.map((section) =>
      absoluteUrl(site, sectionPath(base, section.folder, section.data.id)),
    ),
  ];
}

/**
 * Draws the QR code of each address not yet in the build cache, then writes the cache, so that
 * the pages only look their codes up. The build does this on the content check's thread once the
 * check has passed, while its own thread finishes Astro's content sync and bundle: a code per page
 * was otherwise a fifth of the pages step, on the thread that renders them.
 */
export function warmQrCodes(addresses: Iterable<string>): void {
  for (const address of addresses) qrImage(address);
  saveQrImages();
}
