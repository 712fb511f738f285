import jsQR from "jsqr";
import type { QrMatrix } from "../qr-matrix.ts";

/** An RGBA picture, as jsQR reads it. */
export interface Rgba {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * Decodes the QR code in a picture and returns its bytes, or null when none is found. jsQR is CommonJS: under
 * NodeNext its default import is the module object, whose `default` is the decoder.
 */
export function decodeQr(picture: Rgba): Uint8Array | null {
  const found = jsQR.default(picture.data, picture.width, picture.height);
  return found ? Uint8Array.from(found.binaryData) : null;
}

/** Paints a matrix black on white with a 4-module quiet zone, `scale` pixels a module. */
export function paintMatrix(matrix: QrMatrix, scale: number): Rgba {
  const width = (matrix.length + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [r, row] of matrix.entries()) {
    for (const [c, dark] of row.entries()) {
      if (!dark) continue;
      for (let y = 0; y < scale; y++) {
        const offset = (((r + 4) * scale + y) * width + (c + 4) * scale) * 4;
        for (let x = 0; x < scale; x++) data.fill(0, offset + x * 4, offset + x * 4 + 3);
      }
    }
  }
  return { data, width, height: width };
}
