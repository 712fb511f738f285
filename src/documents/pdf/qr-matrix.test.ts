import { describe, expect, it } from "vitest";
import { qrMatrix } from "./qr-matrix.ts";
import { decodeQr, paintMatrix } from "./testing/decode-qr.ts";

describe("qrMatrix", () => {
  it("encodes text that a QR reader decodes back, accented letters included as UTF-8", () => {
    const text =
      "BCD\n002\n1\nSCT\nGEBABEBB\nÉcole Zoë Łódź & Søn\nBE62510007547061\nEUR1234.56\n\n123456789002";
    const matrix = qrMatrix(text);
    if (!matrix) throw new Error("no matrix");
    const decoded = decodeQr(paintMatrix(matrix, 4));
    expect(decoded && new TextDecoder().decode(decoded)).toBe(text);
  });

  it("stays within version 13 for the largest EPC payload and refuses anything larger", () => {
    expect(qrMatrix("x".repeat(331))?.length).toBe(69);
    expect(qrMatrix("x".repeat(332))).toBeNull();
  });
});
