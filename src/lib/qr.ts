import QRCode from 'qrcode';

/** Light modules around the symbol, as ISO/IEC 18004 asks, so cameras find its edges. */
export const QUIET_ZONE = 4;

export interface QrPath {
  /** Width and height of the symbol in modules, quiet zone included. */
  size: number;
  /** SVG path data drawing every dark module, one rectangle per horizontal run. */
  d: string;
}

/**
 * The QR code of `text` as SVG path data. Error correction M (15 %) keeps the symbol small for
 * the site's URLs and still reads from a screen or a printed page.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const runs: string[] = [];
  for (let y = 0; y < n; y += 1) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x += 1;
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, d: runs.join('') };
}
