import { describe, expect, it } from "vitest";
import { epcQrPayload } from "./epc-qr-payload.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { decodeQr } from "./testing/decode-qr.ts";
import { pageGrey, pdfText } from "./testing/poppler.ts";
import { sampleInvoice } from "./testing/sample-invoice.ts";

/**
 * Page 1 as a banking app's camera would see it: printed at 150 dpi and scanned for a QR code. Only the lower right
 * half of the page, where the payment slip is, goes to the decoder, which keeps the test fast.
 */
async function scanPage1(pdf: Buffer): Promise<string | null> {
  const page = pageGrey(pdf, 1, 150);
  const left = Math.floor(page.width / 2);
  const top = Math.floor(page.height / 3);
  const width = page.width - left;
  const height = page.height - top;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const grey = page.pixels[(top + y) * page.width + left + x] ?? 255;
      data.set([grey, grey, grey, 255], (y * width + x) * 4);
    }
  const bytes = decodeQr({ data, width, height });
  return bytes && new TextDecoder().decode(bytes);
}

describe("the EPC QR code on the page", () => {
  it("scans to the payload for the amount due and the OGM, on the original and on a copy", async () => {
    const invoice = sampleInvoice();
    const payload = epcQrPayload(invoice);
    expect(payload).toContain("EUR2730.54");
    for (const copy of [false, true]) {
      expect(await scanPage1(await renderInvoicePdf(invoice, { language: "nl", copy }))).toBe(payload);
    }
  });

  it("is left out, with its caption, when the invoice has nothing to pay", async () => {
    const paid = sampleInvoice({ prepaid: sampleInvoice().totals.taxInclusive });
    const pdf = await renderInvoicePdf(paid, { language: "fr", copy: false });
    expect(await scanPage1(pdf)).toBeNull();
    expect(pdfText(pdf)).not.toContain("Scannez");
  });
});
