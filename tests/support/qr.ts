import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';

/**
 * Reads a QR code drawn as SVG the way a camera would: renders it to pixels (resvg) at a
 * phone-photo-like size, then decodes the pixels (jsQR). Returns null when nothing decodes.
 */
export function decodeQrSvg(svg: string, width = 330): string | null {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
  }).render();
  const result = jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height);
  return result?.data ?? null;
}
