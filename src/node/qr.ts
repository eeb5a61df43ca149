import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import qrcodePackage from 'qrcode/package.json' with { type: 'json' };
import { buildCache } from './build-cache.ts';

/**
 * Light modules around the symbol, as ISO/IEC 18004 asks, so cameras find its edges. They are
 * not in the image: the stylesheet draws them as white padding (links.css, .page-qr-code img),
 * which saves every page's code about 50 bytes of PNG.
 */
export const QUIET_ZONE = 4;

/**
 * The mask every code uses. The library otherwise tries all eight and scores each (ISO/IEC
 * 18004's penalty rules), which was nearly all of a code's cost: about 0.3 ms, a second or two of
 * a clean build of a few hundred reports. The penalties steer away from patterns that trouble
 * readers of worn or badly lit codes; these are short URLs drawn large and crisp, black on white,
 * on screen and on paper, which any mask reads from (the build tests decode every page's code).
 */
const MASK_PATTERN = 0;

export interface QrImage {
  /** Width and height of the symbol in modules, one pixel each (the quiet zone is CSS's). */
  size: number;
  /**
   * A data: URI of a 1-bit greyscale PNG, one pixel per module: a few hundred bytes where SVG
   * paths took over two thousand. CSS scales it up without smoothing (image-rendering: pixelated).
   */
  src: string;
}

// Every page has its own code, and a site's addresses rarely change between builds: the codes
// are kept on disk, keyed by the text. The version covers everything else that shapes a code;
// bump `image` when qrImage's output changes.
const cache = buildCache<QrImage>(
  'qr',
  JSON.stringify({ qrcode: qrcodePackage.version, image: 3, mask: MASK_PATTERN }),
);

/**
 * The QR code of `text` as a PNG. Error correction M (15 %) keeps the symbol small for the site's
 * URLs and still reads from a screen or a printed page.
 */
export function qrImage(text: string): QrImage {
  const cached = cache.get(text);
  if (cached) return cached;
  // One byte-mode segment: the library's search for the shortest mix of modes costs more than
  // the whole rest of the code, and saves nothing on a lower-case ASCII URL.
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: MASK_PATTERN,
  });
  const size = modules.size;
  const image = {
    size,
    src: `data:image/png;base64,${png(size, modules.data).toString('base64')}`,
  };
  cache.set(text, image);
  return image;
}

/** Writes the codes drawn so far to the build cache now, rather than when the process exits. */
export function saveQrImages(): void {
  cache.save();
}

/**
 * A square 1-bit greyscale PNG, `size` pixels a side, black where `dark` (row by row, one byte a
 * pixel) is not 0.
 */
function png(size: number, dark: Uint8Array): Buffer {
  const stride = Math.ceil(size / 8);
  // Each row: filter type 0 (none), then the pixels eight to a byte, 1 for white.
  const rows = Buffer.alloc((stride + 1) * size, 0xff);
  for (let y = 0; y < size; y += 1) {
    const row = y * (stride + 1);
    rows[row] = 0;
    for (let x = 0; x < size; x += 1) {
      if (dark[y * size + x]) rows[row + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale; compression, filter and interlace stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // Stored, not compressed: a code's rows are as good as random (the mask sees to that), and
    // zlib at its best level gave the same length for each of 2,000 codes tried, in four times
    // the time (a clean build draws tens of thousands of codes).
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
