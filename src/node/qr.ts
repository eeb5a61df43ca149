import QRCode from 'qrcode';

/** Light modules around the symbol, as ISO/IEC 18004 asks, so cameras find its edges. */
export const QUIET_ZONE = 4;

export interface QrPath {
  /** Width and height of the symbol in modules, quiet zone included. */
  size: number;
  /**
   * SVG path data to be stroked 1 module wide: one horizontal line through the middle of each
   * run of dark modules, relative moves within a row. About half the bytes of one rectangle per run.
   */
  d: string;
}

/**
 * The QR code of `text` as SVG path data. Error correction M (15 %) keeps the symbol small for
 * the site's URLs and still reads from a screen or a printed page.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y += 1) {
    let end: number | undefined;
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x += 1;
      d += end === undefined ? `M${start + QUIET_ZONE} ${y + QUIET_ZONE}.5` : `m${start - end} 0`;
      d += `h${x - start}`;
      end = x;
    }
  }
  return { size: n + 2 * QUIET_ZONE, d };
}
