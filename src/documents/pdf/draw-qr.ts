import type { QrMatrix } from "./qr-matrix.ts";

/** Light modules required around a QR code (ISO/IEC 18004). */
const QUIET_ZONE = 4;

/**
 * Draws a QR code as vector squares in a `size` x `size` square at (x, y), quiet zone included. Each run of dark
 * modules in a row is one rectangle and all are filled at once, which keeps the page content small and sharp at
 * any zoom or print resolution.
 */
export function drawQr(doc: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, size: number): void {
  const module = size / (matrix.length + 2 * QUIET_ZONE);
  doc.rect(x, y, size, size).fill("#ffffff");
  matrix.forEach((row, r) => {
    let start = -1;
    row.forEach((dark, c) => {
      if (dark && start < 0) start = c;
      if (start >= 0 && (!dark || c === row.length - 1)) {
        const end = dark ? c + 1 : c;
        doc.rect(
          x + (QUIET_ZONE + start) * module,
          y + (QUIET_ZONE + r) * module,
          (end - start) * module,
          module,
        );
        start = -1;
      }
    });
  });
  doc.fill("#000000");
}
