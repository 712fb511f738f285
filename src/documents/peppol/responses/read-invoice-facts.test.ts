import { describe, expect, it } from "vitest";
import { parseXml } from "../../ubl/parse-xml.ts";
import { testInvoiceXml } from "../testing/as4-test-messages.ts";
import { readInvoiceFacts } from "./read-invoice-facts.ts";

function root(xml: string) {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("readInvoiceFacts", () => {
  const invoice = testInvoiceXml(1);

  it("reads the number, date, type code and both legal names of a UBL invoice", () => {
    const facts = readInvoiceFacts(root(invoice));
    expect(facts).toMatchObject({ typeCode: "380" });
    expect(facts?.number).toMatch(/\S/);
    expect(facts?.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(facts?.sellerName).toMatch(/\S/);
    expect(facts?.buyerName).toMatch(/\S/);
    expect(facts?.sellerName).not.toBe(facts?.buyerName);
  });

  it("reads a credit note's type code, and gives up on other documents or missing facts", () => {
    const creditNote = invoice
      .replaceAll("Invoice-2", "CreditNote-2")
      .replace(/<Invoice\b/, "<CreditNote")
      .replace(/<\/Invoice>/, "</CreditNote>")
      .replace(
        /<cbc:InvoiceTypeCode>380<\/cbc:InvoiceTypeCode>/,
        "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
      );
    expect(readInvoiceFacts(root(creditNote))).toMatchObject({ typeCode: "381" });
    expect(
      readInvoiceFacts(root("<Order xmlns='urn:oasis:names:specification:ubl:schema:xsd:Order-2'/>")),
    ).toBeUndefined();
    expect(
      readInvoiceFacts(root(invoice.replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, ""))),
    ).toBeUndefined();
  });
});
