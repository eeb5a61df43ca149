import QRCode from 'qrcode';
import qrcodePackage from 'qrcode/package.json' with { type: 'json' };
import { buildCache } from './build-cache.ts';

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

// Every page has its own code, and a site's addresses rarely change between builds: the codes
// are kept on disk, keyed by the text. The version covers everything else that shapes a code;
// bump `path` when qrPath's output changes.
const cache = buildCache<QrPath>('qr', JSON.stringify({ qrcode: qrcodePackage.version, path: 2 }));

/**
 * The QR code of `text` as SVG path data. Error correction M (15 %) keeps the symbol small for
 * the site's URLs and still reads from a screen or a printed page.
 */
export function qrPath(text: string): QrPath {
  const cached = cache.get(text);
  if (cached) return cached;
  // One byte-mode segment: the library's search for the shortest mix of modes costs more than
  // the whole rest of the code, and saves nothing on a lower-case ASCII URL.
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
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
  const path = { size: n + 2 * QUIET_ZONE, d };
  cache.set(text, path);
  return path;
}
