import { describe, expect, it } from "vitest";
import { parseXml } from "../../ubl/parse-xml.ts";
import { validateUblSyntax } from "./validate-ubl-syntax.ts";

const NAMESPACES =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ' +
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

/** Findings of the XML rules on an Invoice with this body, as `rule at location`. */
function syntaxFindings(body: string, root = "Invoice"): string[] {
  const xml = `<${root} ${NAMESPACES.replace("Invoice-2", `${root}-2`)}><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>${body}</${root}>`;
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return validateUblSyntax(parsed.value).map((f) => `${f.rule} at ${f.location}`);
}

const VAT = (id: string) =>
  `<cac:PartyTaxScheme><cbc:CompanyID>${id}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`;

describe("UBL syntax rules checked on the XML", () => {
  it("find nothing in amounts, parties and references that follow the syntax", () => {
    const body =
      `<cac:AccountingSupplierParty><cac:Party>${VAT("BE0403170701")}</cac:Party></cac:AccountingSupplierParty>` +
      '<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">1.00</cbc:PayableAmount></cac:LegalMonetaryTotal>';
    expect(syntaxFindings(body)).toEqual([]);
  });

  it("allow one seller VAT identifier and at most two party tax schemes (UBL-SR-12, UBL-SR-42)", () => {
    const body = `<cac:AccountingSupplierParty><cac:Party>${VAT("BE1")}${VAT("BE2")}${VAT("BE3")}</cac:Party></cac:AccountingSupplierParty>`;
    expect(syntaxFindings(body)).toEqual([
      "UBL-SR-12 at /Invoice",
      "UBL-SR-42 at /Invoice/cac:AccountingSupplierParty/cac:Party",
    ]);
  });

  it("require an ISO 4217 currency on every amount and the invoice currency on all but BT-111 (BR-CL-03, R051)", () => {
    const body =
      '<cac:TaxTotal><cbc:TaxAmount currencyID="USD">2.00</cbc:TaxAmount></cac:TaxTotal>' +
      '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="USD">1.00</cbc:LineExtensionAmount>' +
      "<cbc:PayableAmount>1.00</cbc:PayableAmount></cac:LegalMonetaryTotal>";
    expect(syntaxFindings(body)).toEqual([
      "PEPPOL-EN16931-R051 at /Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount",
      "BR-CL-03 at /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount",
      "PEPPOL-EN16931-R051 at /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount",
      "PEPPOL-EN16931-CL007 at /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount",
    ]);
  });

  it("refuse empty elements, attributes notwithstanding (R008)", () => {
    expect(syntaxFindings("<cbc:Note/><cbc:BuyerReference> </cbc:BuyerReference>")).toEqual([
      "PEPPOL-EN16931-R008 at /Invoice/cbc:Note",
      "PEPPOL-EN16931-R008 at /Invoice/cbc:BuyerReference",
    ]);
  });

  it("accept only 'true' or 'false' as a charge indicator and no charge on the price (R043, R044)", () => {
    const body =
      "<cac:AllowanceCharge><cbc:ChargeIndicator>1</cbc:ChargeIndicator></cac:AllowanceCharge>" +
      "<cac:InvoiceLine><cac:Price><cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>" +
      "</cac:AllowanceCharge></cac:Price></cac:InvoiceLine>";
    expect(syntaxFindings(body)).toEqual([
      "PEPPOL-EN16931-R043 at /Invoice/cac:AllowanceCharge",
      "PEPPOL-EN16931-R044 at /Invoice/cac:InvoiceLine/cac:Price/cac:AllowanceCharge",
    ]);
  });

  it("allow a scheme on an additional document only for the invoiced object, or a credit note's project (UBL-SR-43)", () => {
    const reference = (type: string) =>
      `<cac:AdditionalDocumentReference><cbc:ID schemeID="ABT">X</cbc:ID>${type}</cac:AdditionalDocumentReference>`;
    expect(syntaxFindings(reference("<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>"))).toEqual([]);
    expect(syntaxFindings(reference(""))).toEqual(["UBL-SR-43 at /Invoice/cac:AdditionalDocumentReference"]);
    expect(
      syntaxFindings(reference("<cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>"), "CreditNote"),
    ).toEqual([]);
  });

  it("allow one document reference per line, for the invoiced object only (R100, R101)", () => {
    const reference = "<cac:DocumentReference><cbc:ID>R</cbc:ID></cac:DocumentReference>";
    expect(syntaxFindings(`<cac:InvoiceLine>${reference}${reference}</cac:InvoiceLine>`)).toEqual([
      "PEPPOL-EN16931-R100 at /Invoice/cac:InvoiceLine",
      "PEPPOL-EN16931-R101 at /Invoice/cac:InvoiceLine",
    ]);
  });
});
