import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Language } from "../../core/language.ts";
import { dec } from "../../core/money/decimal.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { pdfAttachments, pdfFonts, pdfImageCount, pdfPageCount, pdfText } from "./testing/poppler.ts";
import { SAMPLE_BUYER, SAMPLE_SELLER, sampleInvoice } from "./testing/sample-invoice.ts";

/** What the sample invoice must show in each language: labels, amounts and dates in the language's notation. */
const EXPECTED: Record<Language, string[]> = {
  fr: [
    "FACTURE",
    "N° de facture",
    "Échéance",
    "13/04/2026",
    "Montant à payer",
    "2.730,54 EUR",
    "Total TVAC",
    "2.830,54 EUR",
    "Récapitulatif TVA",
    "Taux normal",
    "1.636,25",
    "343,61",
    "Motif d'exonération",
    "Communication structurée",
    "Scannez avec votre app bancaire",
    "Page 1 sur 1",
  ],
  nl: [
    "FACTUUR",
    "Factuurnummer",
    "Vervaldatum",
    "13/04/2026",
    "Te betalen",
    "2.730,54 EUR",
    "Totaal incl. btw",
    "Btw-overzicht",
    "Normaal tarief",
    "Vrijgesteld",
    "Reden van vrijstelling",
    "Gestructureerde mededeling",
    "Scan met je bankapp",
    "Pagina 1 van 1",
  ],
  de: [
    "RECHNUNG",
    "Rechnungsnummer",
    "Fälligkeitsdatum",
    "13.04.2026",
    "Zu zahlen",
    "2.730,54 EUR",
    "Gesamt brutto",
    "Umsatzsteuer-Aufstellung",
    "Normalsatz",
    "Steuerbefreit",
    "Befreiungsgrund",
    "Strukturierte Mitteilung",
    "Seite 1 von 1",
  ],
  en: [
    "INVOICE",
    "Invoice number",
    "Due date",
    "13/04/2026",
    "Amount due",
    "2,730.54 EUR",
    "Total incl. VAT",
    "2,830.54 EUR",
    "VAT breakdown",
    "Standard rate",
    "1,636.25",
    "Exemption reason",
    "Structured reference",
    "Scan with your banking app",
    "Page 1 of 1",
  ],
};

describe("renderInvoicePdf", () => {
  it.each(Object.entries(EXPECTED))(
    "prints the %s labels, amounts, dates, OGM and IBAN",
    async (language, words) => {
      const text = pdfText(
        await renderInvoicePdf(sampleInvoice(), { language: language as Language, copy: false }),
      );
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain("+++202/6000/12320+++");
      expect(text).toContain("BE68 5390 0754 7034");
      expect(text).toContain("Exonération article 44 du Code de la TVA");
    },
  );

  it("prints names with accented and non-Latin-1 letters exactly as given", async () => {
    const text = pdfText(await renderInvoicePdf(sampleInvoice(), { language: "nl", copy: false }));
    for (const name of [
      SAMPLE_SELLER.name,
      "Brasserie Łukasz Søndergaard &",
      "Gőz BV",
      "Straße & Ökologie",
      "PO-Łódź-77",
      "Liège",
    ])
      expect(text).toContain(name);
    expect(SAMPLE_BUYER.legalName).toContain("Gőz");
  });

  it("marks a copy with the customer's word first and leaves the original unmarked", async () => {
    const copy = pdfText(await renderInvoicePdf(sampleInvoice(), { language: "fr", copy: true }));
    expect(copy).toContain("DUPLICATA / COPY / KOPIE");
    const nl = pdfText(await renderInvoicePdf(sampleInvoice(), { language: "nl", copy: true }));
    expect(nl).toContain("KOPIE / COPY / DUPLICATA");
    const original = pdfText(await renderInvoicePdf(sampleInvoice(), { language: "fr", copy: false }));
    expect(original).not.toMatch(/DUPLICATA|KOPIE|COPY/);
  });

  it("embeds every font it uses and uses no standard-14 font", async () => {
    const fonts = pdfFonts(await renderInvoicePdf(sampleInvoice(), { language: "de", copy: true }));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font.embedded).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
    }
  });

  it("attaches the UBL as <number>.xml with the MIME type application/xml", async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice><cbc:Note>Zoë &amp; Łukasz</cbc:Note></Invoice>';
    const pdf = await renderInvoicePdf(sampleInvoice(), { language: "en", copy: false, attachUbl: xml });
    const attachments = pdfAttachments(pdf);
    expect(attachments.map((a) => a.name)).toEqual(["2026-000123.xml"]);
    expect(attachments[0]?.content.toString("utf8")).toBe(xml);
    expect(pdf.toString("latin1")).toContain("/Subtype /application#2Fxml");
    expect(pdfAttachments(await renderInvoicePdf(sampleInvoice(), { language: "en", copy: false }))).toEqual(
      [],
    );
  });

  it("writes the same bytes for the same invoice, whenever it is rendered", async () => {
    const options = { language: "fr", copy: true, attachUbl: "<Invoice/>" } as const;
    const first = await renderInvoicePdf(sampleInvoice(), options);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderInvoicePdf(sampleInvoice(), options);
    expect(second.equals(first)).toBe(true);
    expect(first.toString("latin1")).toContain("/CreationDate (D:20260314000000Z)");
  });

  it("renders a credit note with its original invoice, the amount in the customer's favour and no payment slip", async () => {
    const creditNote = sampleInvoice({
      kind: "credit-note",
      precedingInvoices: [{ number: "2026-000100", issueDate: "2026-02-27" }],
      prepaid: dec("0"),
    });
    const text = pdfText(await renderInvoicePdf(creditNote, { language: "fr", copy: false }));
    expect(text).toContain("NOTE DE CRÉDIT");
    expect(text).toContain("Facture d'origine");
    expect(text).toContain("2026-000100 (27/02/2026)");
    expect(text).toContain("Montant en votre faveur");
    expect(text).not.toContain("Communication structurée");
    expect(text).not.toContain("Scannez");
  });

  it("prints the payment slip without a QR code for an invoice in another currency", async () => {
    const usd = sampleInvoice({ currency: "USD" });
    const text = pdfText(await renderInvoicePdf(usd, { language: "en", copy: false }));
    expect(text).toContain("2,730.54 USD");
    expect(text).toContain("+++202/6000/12320+++");
    expect(text).not.toContain("Scan with your banking app");
  });

  it("draws a logo from a local PNG file and refuses a URL or a file that is not an image", async () => {
    const logoPath = fileURLToPath(new URL("testing/logo.png", import.meta.url));
    const pdf = await renderInvoicePdf(sampleInvoice(), { language: "fr", copy: false, logoPath });
    expect(pdfImageCount(pdf)).toBe(1);
    expect(pdfImageCount(await renderInvoicePdf(sampleInvoice(), { language: "fr", copy: false }))).toBe(0);
    const remote = renderInvoicePdf(sampleInvoice(), {
      language: "fr",
      copy: false,
      logoPath: "https://example.com/logo.png",
    });
    await expect(remote).rejects.toThrow("must be a local file path, not a URL");
    const notImage = renderInvoicePdf(sampleInvoice(), {
      language: "fr",
      copy: false,
      logoPath: fileURLToPath(import.meta.url),
    });
    await expect(notImage).rejects.toThrow("is neither a PNG nor a JPEG image");
  });

  it("lists document allowances and charges with their reasons, and the VAT in the accounting currency", async () => {
    const invoice = sampleInvoice({
      allowances: [{ amount: dec("50"), reason: "Remise fidélité", vatCategory: "S", vatRate: dec("21") }],
      charges: [{ amount: dec("12.5"), reason: "Frais d'envoi", vatCategory: "S", vatRate: dec("21") }],
      currency: "USD",
      taxCurrency: { code: "EUR", rate: dec("0.9") },
    });
    const text = pdfText(await renderInvoicePdf(invoice, { language: "fr", copy: false }));
    expect(text).toMatch(/Remise fidélité\s+-50,00 USD/);
    expect(text).toMatch(/Frais d'envoi\s+12,50 USD/);
    expect(text).toMatch(/Total HTVA\s+2\.426,75 USD/);
    expect(text).toMatch(
      new RegExp(`TVA en EUR\\s+${invoice.taxTotalInTaxCurrency?.toFixed(2).replace(".", ",")} EUR`),
    );
  });

  it("fits the sample invoice on one page", async () => {
    expect(pdfPageCount(await renderInvoicePdf(sampleInvoice(), { language: "de", copy: true }))).toBe(1);
  });
});
