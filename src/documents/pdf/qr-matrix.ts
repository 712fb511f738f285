import qrcode from "qrcode-generator";

/** EPC069-12 asks for error correction level M and at most version 13 (69 modules a side). */
const MAX_MODULES = 69;

/** A QR code as rows of dark (true) and light modules, without the quiet zone. */
export type QrMatrix = readonly (readonly boolean[])[];

/**
 * Encodes `text` as a byte-mode QR code at error correction level M, its bytes in UTF-8 (character set 1 of the EPC
 * payload). qrcode-generator's default conversion keeps only the low byte of each UTF-16 unit, so the text is handed
 * over as one character per UTF-8 byte. Returns null when the text needs a larger symbol than version 13.
 */
export function qrMatrix(text: string): QrMatrix | null {
  const bytes = new TextEncoder().encode(text);
  const code = qrcode(0, "M");
  code.addData(String.fromCharCode(...bytes), "Byte");
  code.make();
  const size = code.getModuleCount();
  if (size > MAX_MODULES) return null;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => code.isDark(row, col)),
  );
}
