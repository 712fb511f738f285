import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createInvoiceRenderer, invoiceRenderer } from "./invoice-renderer.ts";
import { hasPoppler, pdfAttachments, pdfImageCount, pdfText } from "./pdf/testing/poppler.ts";
import { sampleInvoice } from "./pdf/testing/sample-invoice.ts";
import { readUbl } from "./ubl/read-ubl.ts";

describe("the invoice renderer", () => {
  it("writes UBL that reads back to the invoice's number and amount due", () => {
    const written = invoiceRenderer.ubl(sampleInvoice());
    if (!written.ok) throw new Error(written.message);
    const read = readUbl(written.xml);
    expect(read.ok && read.value.number).toBe("2026-000123");
    expect(read.ok && read.value.totals.payable?.toFixed(2)).toBe("2730.54");
  });

  it("fails with the field and the character when a text cannot be carried by XML", () => {
    const written = invoiceRenderer.ubl(sampleInvoice({ notes: ["bell \u0007"] }));
    expect(written).toEqual({ ok: false, message: expect.stringContaining("notes") });
    expect(written.ok || written.message).toContain("U+0007");
  });

  it.skipIf(!hasPoppler())(
    "renders the PDF in the language asked, with the UBL attached when given",
    async () => {
      const document = sampleInvoice();
      const written = invoiceRenderer.ubl(document);
      if (!written.ok) throw new Error(written.message);
      const pdf = await invoiceRenderer.pdf(document, { language: "de", copy: true, attachUbl: written.xml });
      expect(pdfText(pdf)).toContain("RECHNUNG");
      expect(pdfText(pdf)).toContain("KOPIE");
      expect(pdfAttachments(pdf)).toEqual([
        { name: "2026-000123.xml", content: Buffer.from(written.xml, "utf8") },
      ]);
    },
  );

  it.skipIf(!hasPoppler())("draws the configured logo on the PDF, and none without one", async () => {
    const logoPath = fileURLToPath(new URL("./pdf/testing/logo.png", import.meta.url));
    const options = { language: "fr", copy: false } as const;
    const withLogo = await createInvoiceRenderer({ logoPath }).pdf(sampleInvoice(), options);
    const without = await invoiceRenderer.pdf(sampleInvoice(), options);
    expect(pdfImageCount(withLogo)).toBe(1);
    expect(pdfImageCount(without)).toBe(0);
  });
});
