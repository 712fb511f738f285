import { describe, expect, it } from "vitest";
import { EN16931_CORPUS_PRESENT, EN16931_SKIP_NOTE, en16931File } from "../testing/en16931-corpus.ts";
import { parseXml } from "./parse-xml.ts";
import { readUbl, readUblElement } from "./read-ubl.ts";

const NS =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ' +
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

describe("readUbl", () => {
  it.skipIf(!EN16931_CORPUS_PRESENT)(
    `reads a complete Peppol invoice into the model with exact decimals and attributes${EN16931_SKIP_NOTE}`,
    () => {
      const result = readUbl(en16931File("testfiles/Invoice-Max_content.xml"));
      if (!result.ok) throw new Error(result.error.message);
      const doc = result.value;
      expect(doc.kind).toBe("invoice");
      expect(doc.typeCode).toBe("380");
      expect(doc.number).toBe("2018210");
      expect(doc.currency).toBe("SEK");
      expect(doc.taxCurrency).toBe("EUR");
      expect(doc.totals.payable?.toFixed()).toBe("12500");
      expect(doc.totals.tax?.toFixed()).toBe("2500");
      expect(doc.taxTotalInTaxCurrency?.toFixed()).toBe("249");
      expect(doc.vatBreakdown.map((b) => [b.category, b.rate?.toFixed(), b.exemptionReasonCode])).toEqual([
        ["S", "25", undefined],
        ["E", "0", "vatex-eu-132-1g"],
      ]);
      expect(doc.seller.endpoint).toEqual({ value: "1234567890", scheme: "0007" });
      expect(doc.seller.vatNumber).toBe("SE123456789001");
      expect(doc.seller.taxRegistration).toBe("Godkänd för F-skatt");
      expect(doc.invoicedObject).toEqual({ value: "ABC123", scheme: "VT" });
      expect(doc.precedingInvoices).toEqual([
        { number: "Preceding invoice no.1", issueDate: "2018-01-31" },
        { number: "Preceding invoice no.2", issueDate: undefined },
      ]);
      expect(doc.paymentMeans[0]).toMatchObject({
        code: "30",
        text: "Credit transfer",
        remittanceInformation: "1800355",
      });
      expect(doc.attachments.map((a) => a.id)).toEqual(["MT123", "Time report 1", "Example 1"]);
      expect(doc.attachments[1]?.content).toEqual({
        mimeCode: "text/csv",
        filename: "testfilnamn.abc",
        base64: "01234567",
      });
      const line = doc.lines[0];
      expect(line?.quantity?.toFixed()).toBe("500");
      expect(line?.unitCode).toBe("MTR");
      expect(line?.price.discount?.toFixed(2)).toBe("0.50");
      expect(line?.price.grossPrice?.toFixed(2)).toBe("20.50");
      expect(line?.item.classifications).toEqual([
        { value: "9873242", scheme: "SSR" },
        { value: "SST3242", scheme: "SST" },
      ]);
      expect(line?.objectIdentifier).toEqual({ value: "130-DR35141", scheme: "ABZ" });
    },
  );

  it.skipIf(!EN16931_CORPUS_PRESENT)(
    `reads a credit note's CreditNoteLine, CreditedQuantity and type code${EN16931_SKIP_NOTE}`,
    () => {
      const result = readUbl(en16931File("testfiles/CreditNote-Max_content.xml"));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.kind).toBe("credit-note");
      expect(result.value.typeCode).toBe("381");
      expect(result.value.lines[0]?.quantity?.toFixed()).toBe("500");
      expect(result.value.lines).toHaveLength(2);
    },
  );

  it("reads a credit note's due date from PaymentMeans/PaymentDueDate, where Peppol puts BT-9", () => {
    const xml = `<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
      xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
      xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
      <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
      <cbc:PaymentDueDate>2026-03-07</cbc:PaymentDueDate></cac:PaymentMeans></CreditNote>`;
    const result = readUbl(xml);
    expect(result.ok && result.value.dueDate).toBe("2026-03-07");
  });

  it("keeps decimals exact, beyond what a binary float can hold, and accepts a leading plus sign", () => {
    const xml = `<Invoice ${NS}><cac:LegalMonetaryTotal>
      <cbc:PayableAmount currencyID="EUR">12345678901234567890.12</cbc:PayableAmount>
      <cbc:PayableRoundingAmount currencyID="EUR">+0.10</cbc:PayableRoundingAmount>
      </cac:LegalMonetaryTotal></Invoice>`;
    const result = readUbl(xml);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.totals.payable?.toFixed()).toBe("12345678901234567890.12");
    expect(result.value.totals.rounding?.toFixed(2)).toBe("0.10");
  });

  it("matches elements by namespace URI whatever prefixes the document uses", () => {
    const xml = `<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
      xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
      xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
      <b:ID>INV-1</b:ID><a:AccountingSupplierParty><a:Party>
      <b:EndpointID schemeID="0208">0123456749</b:EndpointID></a:Party></a:AccountingSupplierParty>
      <x:ID xmlns:x="urn:example:other">ignored</x:ID></ubl:Invoice>`;
    const result = readUbl(xml);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.number).toBe("INV-1");
    expect(result.value.seller.endpoint).toEqual({ value: "0123456749", scheme: "0208" });
  });

  it("decodes entities, character references and CDATA in text and attributes", () => {
    const xml = `<Invoice ${NS}><cbc:Note>A &amp; B &lt;C&gt; &#233;&#x20AC;<![CDATA[ &amp; raw]]></cbc:Note>
      <cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="E&amp;M">x</cbc:EndpointID></cac:Party>
      </cac:AccountingCustomerParty></Invoice>`;
    const result = readUbl(xml);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.notes).toEqual(["A & B <C> é€ &amp; raw"]);
    expect(result.value.buyer.endpoint?.scheme).toBe("E&M");
  });

  it("reads an ISO-8859-1 document given as bytes according to its XML declaration", () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><Invoice ${NS}><cbc:Note>Société</cbc:Note></Invoice>`;
    const result = readUbl(Buffer.from(xml, "latin1"));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.notes).toEqual(["Société"]);
  });

  it("reads an incomplete fragment, leaving what is missing undefined", () => {
    const result = readUbl(`<Invoice ${NS}><cbc:CustomizationID>123</cbc:CustomizationID></Invoice>`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.customizationId).toBe("123");
    expect(result.value.number).toBeUndefined();
    expect(result.value.typeCode).toBe("");
    expect(result.value.lines).toEqual([]);
    expect(result.value.seller).toEqual({ identifiers: [] });
  });

  it("names the element and its path when an amount is not a decimal number", () => {
    const xml = `<Invoice ${NS}><cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine><cac:InvoiceLine>
      <cbc:LineExtensionAmount currencyID="EUR">1,50</cbc:LineExtensionAmount></cac:InvoiceLine></Invoice>`;
    const result = readUbl(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-number");
    expect(result.error.message).toContain('"1,50"');
    expect(result.error.location).toBe("/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount");
  });

  it.skipIf(!EN16931_CORPUS_PRESENT)(
    `reads the Invoice embedded in every rule test file of the corpus${EN16931_SKIP_NOTE}`,
    () => {
      const set = parseXml(en16931File("unit/invoice/BR-01.xml"));
      if (!set.ok) throw new Error(set.error.message);
      const docs = set.value.children
        .filter((c) => c.name === "test")
        .map((t) => t.children.find((c) => c.name === "Invoice"));
      const first = docs[0];
      if (!first) throw new Error("no document in the test file");
      const result = readUblElement(first);
      expect(result.ok && result.value.customizationId).toBe("123");
    },
  );
});
