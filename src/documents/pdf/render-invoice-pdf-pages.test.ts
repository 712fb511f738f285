import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../core/language.ts";
import { PAGE } from "./pdf-layout.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { pdfPageCount, pdfText, pdfWords } from "./testing/poppler.ts";
import { manyLineInvoice, mixedLineInvoice } from "./testing/sample-invoice.ts";

describe("renderInvoicePdf with many lines", () => {
  it("keeps a ten-line invoice with three VAT rates and its payment slip on one page, in every language", async () => {
    for (const language of LANGUAGES) {
      const pdf = await renderInvoicePdf(mixedLineInvoice(10), { language, copy: false });
      expect(pdfPageCount(pdf), language).toBe(1);
      const words = pdfWords(pdf, 1);
      expect(words.map((w) => w.text)).toContain("+++202/6000/12320+++");
      const content = words.filter((w) => w.yMin < PAGE.footer - 2);
      expect(Math.max(...content.map((w) => w.yMax)), language).toBeLessThanOrEqual(PAGE.bottom + 1);
    }
  });

  it("spreads 300 lines over several pages, repeating the table header and numbering the pages", async () => {
    const pdf = await renderInvoicePdf(manyLineInvoice(300), { language: "fr", copy: true });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
    texts.forEach((text, i) => {
      expect(text).toMatch(/Description\s+Qté\s+Unité\s+Prix unitaire\s+TVA\s+Montant EUR/);
      expect(text).toContain(`Page ${i + 1} sur ${pages}`);
      expect(text).toContain("DUPLICATA / COPY / KOPIE");
      if (i > 0) expect(text).toContain("FACTURE 2026-000123 (suite)");
    });
    const all = texts.join("\n");
    for (let n = 1; n <= 300; n++) {
      expect(all.match(new RegExp(`Article n° ${n} — pièce détachée`, "g"))?.length).toBe(1);
    }
    const last = texts.at(-1) ?? "";
    expect(last).toContain("Récapitulatif TVA");
    expect(last).toContain("Montant à payer");
    expect(last).toContain("+++202/6000/12320+++");
  });

  it("never lets a row cross into the footer, whatever the row heights", async () => {
    const doc = manyLineInvoice(120);
    const lines = doc.lines.map((line, i) => ({
      ...line,
      item: { ...line.item, description: "Détail de la prestation. ".repeat((i * 7) % 23) },
    }));
    const pdf = await renderInvoicePdf({ ...doc, lines }, { language: "de", copy: false });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const words = pdfWords(pdf, page);
      const content = words.filter((w) => w.yMin < PAGE.footer - 2);
      const footer = words.filter((w) => w.yMin >= PAGE.footer - 2).map((w) => w.text);
      expect(Math.max(...content.map((w) => w.yMax))).toBeLessThanOrEqual(PAGE.bottom + 1);
      expect(footer.join(" ")).toContain(`Seite ${page} von ${pages}`);
      expect(footer).not.toContain("Détail");
    }
  });
});
