import type { QrMatrix } from "./qr-matrix.ts";

/** Light modules required around a QR code (ISO/IEC 18004). */
const QUIET_ZONE = 4;

/**
 * The dark modules as PDF path operators, in module units: each run of dark modules in a row is one `re` (rectangle)
 * with whole-number coordinates. Written in module units under one scaling transform, a run is about 12 bytes
 * instead of about 45 at page coordinates with six decimals: a one-page invoice's page content stream is a third of
 * its former size, and so is the time to write and compress it.
 */
function darkRuns(matrix: QrMatrix): string {
  const parts: string[] = [];
  matrix.forEach((row, r) => {
    let start = -1;
    row.forEach((dark, c) => {
      if (dark && start < 0) start = c;
      if (start >= 0 && (!dark || c === row.length - 1)) {
        const end = dark ? c + 1 : c;
        parts.push(`${QUIET_ZONE + start} ${QUIET_ZONE + r} ${end - start} 1 re`);
        start = -1;
      }
    });
  });
  return parts.join("\n");
}

/**
 * Draws a QR code as vector squares in a `size` x `size` square at (x, y), quiet zone included, all dark modules
 * filled at once, which keeps the code sharp at any zoom or print resolution.
 */
export function drawQr(doc: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, size: number): void {
  const module = size / (matrix.length + 2 * QUIET_ZONE);
  doc.rect(x, y, size, size).fill("#ffffff");
  doc.save();
  doc.transform(module, 0, 0, module, x, y);
  // pdfkit's addContent writes operators as given; the path is then filled like any pdfkit path.
  doc.addContent(darkRuns(matrix));
  doc.fill("#000000");
  doc.restore();
}
