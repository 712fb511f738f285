import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../pdf/render-invoice-pdf.ts";
import { pdfPageCount, pdfText } from "../pdf/testing/poppler.ts";
import { simpleInvoice } from "../ubl/testing/simple-invoice.ts";
import { mergePdfs } from "./merge-pdfs.ts";

describe("mergePdfs", () => {
  it("binds invoices into one PDF whose pages are theirs, in order, as an independent reader sees them", async () => {
    const one = await renderInvoicePdf(
      { ...simpleInvoice(2), number: "PRINT-1" },
      { language: "fr", copy: false },
    );
    const long = await renderInvoicePdf(
      { ...simpleInvoice(80), number: "PRINT-2" },
      { language: "nl", copy: false },
    );
    const first = pdfPageCount(one);
    const second = pdfPageCount(long);
    expect(second).toBeGreaterThan(1);

    const merged = mergePdfs([one, long]);

    expect(pdfPageCount(merged)).toBe(first + second);
    const texts = Array.from({ length: first + second }, (_, i) => pdfText(merged, i + 1));
    expect(texts.map((t) => /PRINT-\d/.exec(t)?.[0])).toEqual([
      ...Array<string>(first).fill("PRINT-1"),
      ...Array<string>(second).fill("PRINT-2"),
    ]);
    expect(
      texts.map((t, i) => t === pdfText(i < first ? one : long, i < first ? i + 1 : i - first + 1)),
    ).not.toContain(false);
  });

  it("refuses what it cannot read, saying why, rather than writing a broken batch", () => {
    expect(() => mergePdfs([])).toThrow(/nothing to merge/);
    expect(() => mergePdfs([Buffer.from("not a pdf")])).toThrow(/%PDF-/);
    expect(() => mergePdfs([Buffer.from("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n")])).toThrow(/startxref/);
  });
});
