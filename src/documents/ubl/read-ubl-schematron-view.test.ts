import { describe, expect, it } from "vitest";
import { readUbl } from "./read-ubl.ts";

const NAMESPACES =
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';
const INVOICE = `xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ${NAMESPACES}`;
const CREDIT_NOTE = `xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" ${NAMESPACES}`;

function read(xml: string) {
  const result = readUbl(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("readUbl, where the schematron sees more than the schema allows", () => {
  it("keeps an empty identifier that carries a scheme, with value empty, so its scheme can be checked", () => {
    const doc = read(`<Invoice ${INVOICE}>
      <cac:AccountingSupplierParty><cac:Party>
        <cac:PartyIdentification><cbc:ID schemeID="9901"/></cac:PartyIdentification>
        <cac:PartyIdentification><cbc:ID/></cac:PartyIdentification>
        <cac:PartyLegalEntity><cbc:CompanyID schemeID="0181"/></cac:PartyLegalEntity>
      </cac:Party></cac:AccountingSupplierParty>
      <cac:InvoiceLine><cac:Item>
        <cac:StandardItemIdentification><cbc:ID schemeID="0181"/></cac:StandardItemIdentification>
        <cac:CommodityClassification><cbc:ItemClassificationCode listID="XXX"/></cac:CommodityClassification>
      </cac:Item></cac:InvoiceLine></Invoice>`);
    expect(doc.seller.identifiers).toEqual([{ value: "", scheme: "9901" }]);
    expect(doc.seller.legalRegistration).toEqual({ value: "", scheme: "0181" });
    expect(doc.lines[0]?.item.standardId).toEqual({ value: "", scheme: "0181" });
    expect(doc.lines[0]?.item.classifications).toEqual([{ value: "", scheme: "XXX" }]);
  });

  it("reads a line's object identifier from a reference typed 130, or an untyped one only when it has a value", () => {
    const line = (reference: string) =>
      read(`<Invoice ${INVOICE}><cac:InvoiceLine><cac:DocumentReference>${reference}</cac:DocumentReference>
        </cac:InvoiceLine></Invoice>`).lines[0]?.objectIdentifier;
    expect(line('<cbc:ID schemeID="XXA"/><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>')).toEqual({
      value: "",
      scheme: "XXA",
    });
    expect(line('<cbc:ID schemeID="XXA"/>')).toBeUndefined();
    expect(line("<cbc:ID>Object2</cbc:ID>")).toEqual({ value: "Object2" });
  });

  it("reads the subtotals of every tax total into the VAT breakdown, in document order", () => {
    const subtotal = (category: string) =>
      `<cac:TaxSubtotal><cac:TaxCategory><cbc:ID>${category}</cbc:ID></cac:TaxCategory></cac:TaxSubtotal>`;
    const doc = read(`<Invoice ${INVOICE}>
      <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">21.00</cbc:TaxAmount>${subtotal("S")}</cac:TaxTotal>
      <cac:TaxTotal>${subtotal("AE")}${subtotal("E")}</cac:TaxTotal></Invoice>`);
    expect(doc.vatBreakdown.map((b) => b.category)).toEqual(["S", "AE", "E"]);
    expect(doc.totals.tax?.toFixed(2)).toBe("21.00");
  });

  it("reads the tax representative's VAT identifier only from a tax scheme VAT", () => {
    const representative = (scheme: string) =>
      read(`<Invoice ${INVOICE}><cac:TaxRepresentativeParty><cac:PartyTaxScheme>
        <cbc:CompanyID>EL9999</cbc:CompanyID><cac:TaxScheme><cbc:ID>${scheme}</cbc:ID></cac:TaxScheme>
        </cac:PartyTaxScheme></cac:TaxRepresentativeParty></Invoice>`).taxRepresentative?.vatNumber;
    expect(representative("VAT")).toBe("EL9999");
    expect(representative("COM")).toBeUndefined();
  });

  it("reads an InvoiceLine inside a credit note, with its InvoicedQuantity, beside the CreditNoteLines", () => {
    const doc = read(`<CreditNote ${CREDIT_NOTE}>
      <cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity>
      </cac:CreditNoteLine>
      <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode="C62">3</cbc:InvoicedQuantity>
      <cac:Item><cac:ClassifiedTaxCategory><cbc:ID>AA</cbc:ID></cac:ClassifiedTaxCategory></cac:Item>
      </cac:InvoiceLine></CreditNote>`);
    expect(doc.lines.map((l) => [l.id, l.quantity?.toFixed(), l.vat.category])).toEqual([
      ["1", "2", undefined],
      ["2", "3", "AA"],
    ]);
  });
});
