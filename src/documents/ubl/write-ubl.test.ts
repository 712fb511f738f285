import { describe, expect, it } from "vitest";
import type { InvoiceDocument } from "../../core/invoice/invoice.ts";
import { dec } from "../../core/money/decimal.ts";
import { readUbl } from "./read-ubl.ts";
import { sampleDocument } from "./testing/sample-document.ts";
import { writeUbl } from "./write-ubl.ts";

function written(doc: InvoiceDocument): string {
  const result = writeUbl(doc);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("writeUbl", () => {
  const invoice = sampleDocument(1, { kind: "invoice", lines: 3, foreign: false });

  it("writes a Peppol BIS 3.0 Invoice with the UBL namespaces, customization and profile", () => {
    const xml = written(invoice);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
      ),
    ).toBe(true);
    expect(xml).toContain(
      "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
    );
    expect(xml).toContain("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>");
    expect(xml).toContain("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>");
    expect(xml.match(/<cac:InvoiceLine>/g)).toHaveLength(3);
  });

  it("puts a currencyID on every amount", () => {
    const xml = written(invoice);
    const amounts = xml.match(/<cbc:(\w*Amount)\b[^>]*>/g) ?? [];
    expect(amounts.length).toBeGreaterThan(10);
    for (const tag of amounts) expect(tag).toMatch(/currencyID="EUR"/);
  });

  it("writes amounts with two decimals but keeps a received document's extra decimals", () => {
    const doc: InvoiceDocument = {
      ...invoice,
      totals: { ...invoice.totals, payable: dec("100"), prepaid: dec("0.125"), taxInclusive: dec("-0") },
    };
    const xml = written(doc);
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">100.00</cbc:PayableAmount>');
    expect(xml).toContain('<cbc:PrepaidAmount currencyID="EUR">0.125</cbc:PrepaidAmount>');
    expect(xml).toContain('<cbc:TaxInclusiveAmount currencyID="EUR">0.00</cbc:TaxInclusiveAmount>');
  });

  it("writes quantities and prices exactly, without exponent", () => {
    const line = invoice.lines[0];
    if (!line) throw new Error("no line");
    const doc = {
      ...invoice,
      lines: [
        { ...line, quantity: dec("0.0000001"), price: { netPrice: dec("123456789012345678901.2345") } },
      ],
    };
    const xml = written(doc);
    expect(xml).toMatch(/<cbc:InvoicedQuantity unitCode="\w+">0.0000001<\/cbc:InvoicedQuantity>/);
    expect(xml).toContain('<cbc:PriceAmount currencyID="EUR">123456789012345678901.2345</cbc:PriceAmount>');
  });

  it("writes endpoints with their scheme, the KBO number as 0208 legal registration and VAT in PartyTaxScheme", () => {
    const seller = { ...invoice.seller, vatNumber: "BE0123456749" };
    const xml = written({ ...invoice, seller });
    expect(xml).toContain(
      `<cbc:EndpointID schemeID="${seller.endpoint?.scheme}">${seller.endpoint?.value}</cbc:EndpointID>`,
    );
    expect(xml).toContain(
      `<cbc:CompanyID schemeID="0208">${seller.legalRegistration?.value}</cbc:CompanyID>`,
    );
    expect(xml).toMatch(
      /<cac:PartyTaxScheme>\s*<cbc:CompanyID>BE0123456749<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>/,
    );
  });

  it("writes SEPA credit transfer with the OGM as PaymentID, the IBAN and the BIC", () => {
    const means = invoice.paymentMeans[0];
    const xml = written(invoice);
    expect(xml).toContain("<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>");
    expect(means?.remittanceInformation).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    expect(xml).toContain(`<cbc:PaymentID>${means?.remittanceInformation}</cbc:PaymentID>`);
    expect(xml).toContain(`<cbc:ID>${means?.creditTransfers[0]?.account}</cbc:ID>`);
  });

  it("writes BT-111 as a second TaxTotal in the VAT accounting currency, without subtotals", () => {
    const foreign = sampleDocument(3, { kind: "invoice", foreign: true });
    const xml = written(foreign);
    const taxTotals = xml.match(/<cac:TaxTotal>[\s\S]*?<\/cac:TaxTotal>/g) ?? [];
    expect(taxTotals).toHaveLength(2);
    expect(taxTotals[0]).toContain(`currencyID="${foreign.currency}"`);
    expect(taxTotals[0]).toContain("<cac:TaxSubtotal>");
    expect(taxTotals[1]).toMatch(
      /^<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="EUR">-?\d+\.\d\d<\/cbc:TaxAmount>\s*<\/cac:TaxTotal>$/,
    );
  });

  it("writes a CreditNote with CreditNoteLine, CreditedQuantity, the preceding invoice and the due date once", () => {
    const credit = sampleDocument(5, { kind: "credit-note", lines: 2 });
    const xml = written({
      ...credit,
      paymentMeans: [...credit.paymentMeans, ...credit.paymentMeans],
      projectReference: "P-1",
    });
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>");
    expect(xml.match(/<cac:CreditNoteLine>/g)).toHaveLength(2);
    expect(xml).toContain("<cbc:CreditedQuantity");
    expect(xml).not.toContain("<cbc:InvoicedQuantity");
    expect(xml).not.toContain("<cbc:DueDate>");
    expect(xml.match(/<cbc:PaymentDueDate>/g)).toHaveLength(1);
    expect(xml).toContain(
      `<cbc:ID>${credit.precedingInvoices[0]?.number.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</cbc:ID>`,
    );
    expect(xml).toMatch(/<cbc:ID>P-1<\/cbc:ID>\s*<cbc:DocumentTypeCode>50<\/cbc:DocumentTypeCode>/);
    expect(xml).not.toContain("<cac:ProjectReference>");
  });

  it("embeds a PDF as AdditionalDocumentReference with its MIME code and file name", () => {
    const doc: InvoiceDocument = {
      ...invoice,
      attachments: [
        {
          id: "F-1",
          description: "Invoice F-1",
          content: { mimeCode: "application/pdf", filename: "F-1.pdf", base64: "JVBERi0xLjcK" },
        },
      ],
    };
    const xml = written(doc);
    expect(xml).toMatch(
      /<cac:AdditionalDocumentReference>\s*<cbc:ID>F-1<\/cbc:ID>\s*<cbc:DocumentDescription>Invoice F-1<\/cbc:DocumentDescription>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject mimeCode="application\/pdf" filename="F-1.pdf">JVBERi0xLjcK<\/cbc:EmbeddedDocumentBinaryObject>/,
    );
  });

  it("escapes markup characters in text and attributes, and reads them back unchanged", () => {
    const nasty = `A & B <C> "D" 'E' ]]> \r\n\tF`;
    const doc: InvoiceDocument = {
      ...invoice,
      notes: [`x${nasty}x`],
      seller: { ...invoice.seller, endpoint: { scheme: `0208"><x y="`, value: "1" } },
    };
    const xml = written(doc);
    expect(xml).toContain("<cbc:Note>xA &amp; B &lt;C&gt; \"D\" 'E' ]]&gt; &#13;\n\tFx</cbc:Note>");
    expect(xml).toContain('<cbc:EndpointID schemeID="0208&quot;&gt;&lt;x y=&quot;">1</cbc:EndpointID>');
    const read = readUbl(xml);
    expect(read.ok && read.value.notes).toEqual([`x${nasty}x`]);
    expect(read.ok && read.value.seller.endpoint?.scheme).toBe(`0208"><x y="`);
  });

  it.each([
    ["a control character", "bad\u0001text", "U+0001"],
    ["a lone surrogate", "bad\uD800text", "U+D800"],
    ["U+FFFE", "bad\uFFFEtext", "U+FFFE"],
    ["U+FFFF", "bad\uFFFFtext", "U+FFFF"],
  ])("refuses %s and names the field", (_, text, code) => {
    const line = invoice.lines[1];
    if (!line) throw new Error("no line");
    const doc = {
      ...invoice,
      lines: [invoice.lines[0], { ...line, item: { ...line.item, name: text } }],
    } as InvoiceDocument;
    const result = writeUbl(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-character");
    expect(result.error.field).toBe("lines[1].item.name");
    expect(result.error.message).toContain(code);
  });

  it("names the party field holding a bad character", () => {
    const result = writeUbl({ ...invoice, buyer: { ...invoice.buyer, address: { city: "Li\u0000ge" } } });
    expect(result.ok || result.error.field).toBe("buyer.address.city");
  });

  it("accepts characters outside the Basic Multilingual Plane", () => {
    const xml = written({ ...invoice, notes: ["Merci 😀"] });
    expect(xml).toContain("<cbc:Note>Merci 😀</cbc:Note>");
  });

  it("gives the same bytes for the same document", () => {
    const again = sampleDocument(1, { kind: "invoice", lines: 3, foreign: false });
    expect(again).not.toBe(invoice);
    expect(written(invoice)).toBe(written(again));
  });
});
