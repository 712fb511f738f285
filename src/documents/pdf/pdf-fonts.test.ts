import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { manyLineInvoice, sampleInvoice } from "./testing/sample-invoice.ts";

describe("the fonts shared between documents", () => {
  it("leave a document's bytes the same whatever was rendered before it", async () => {
    const document = sampleInvoice();
    const first = await renderInvoicePdf(document, { language: "fr", copy: false });
    await renderInvoicePdf(manyLineInvoice(40), { language: "de", copy: true });
    await renderInvoicePdf(sampleInvoice({ notes: ["Łódź, Ørsted, Größe: 12,5 %"] }), {
      language: "nl",
      copy: false,
    });
    const again = await renderInvoicePdf(document, { language: "fr", copy: false });
    expect(again.equals(first)).toBe(true);
  });
});
