import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { QUIET_ZONE } from '../../src/node/qr.ts';

/** The pixels of a PNG given as a data: URI, dark or not, row by row. */
export function qrPixels(src: string): { size: number; dark: (x: number, y: number) => boolean } {
  const match = /^data:image\/png;base64,(.+)$/.exec(src);
  if (!match) throw new Error(`not a PNG data URI: ${src.slice(0, 40)}`);
  const image = PNG.sync.read(Buffer.from(match[1]!, 'base64'));
  return { size: image.width, dark: (x, y) => image.data[(y * image.width + x) * 4]! < 128 };
}

/**
 * Reads a QR code given as a PNG data: URI, one pixel per module, the way a camera would:
 * scaled up to `scale` pixels a module inside a light quiet zone of `quiet` modules (as CSS
 * draws both), then decoded (jsQR). Returns null when nothing decodes.
 */
export function decodeQrImage(src: string, scale = 8, quiet = QUIET_ZONE): string | null {
  const { size, dark } = qrPixels(src);
  const width = (size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const mx = Math.floor(x / scale) - quiet;
      const my = Math.floor(y / scale) - quiet;
      const inside = mx >= 0 && my >= 0 && mx < size && my < size;
      const value = inside && dark(mx, my) ? 0 : 255;
      pixels.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
