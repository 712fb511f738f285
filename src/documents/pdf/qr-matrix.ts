import { encode } from "uqr";

/** EPC069-12 asks for error correction level M and at most version 13 (69 modules a side). */
const MAX_VERSION = 13;

/** A QR code as rows of dark (true) and light modules, without the quiet zone. */
export type QrMatrix = readonly (readonly boolean[])[];

/**
 * Encodes `text` as a byte-mode QR code at error correction level M, its bytes in UTF-8 (character set 1 of the EPC
 * payload), in the smallest version that holds it. Returns null when it needs a larger symbol than version 13.
 */
export function qrMatrix(text: string): QrMatrix | null {
  const bytes = Array.from(new TextEncoder().encode(text));
  try {
    return encode(bytes, { ecc: "M", boostEcc: false, maxVersion: MAX_VERSION, border: 0 }).data;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
