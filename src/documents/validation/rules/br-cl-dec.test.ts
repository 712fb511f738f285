import { describe, expect, it } from "vitest";
import { dec } from "../../../core/money/decimal.ts";
import { findingsOf, firedRules } from "../testing/fired-rules.ts";
import { minimalInvoice, minimalLine } from "../testing/minimal-invoice.ts";

describe("EN 16931 code list (BR-CL) and decimal (BR-DEC) rules", () => {
  it("refuse an invoice type code that is a credit note code, and the reverse (BR-CL-01)", () => {
    expect(firedRules(minimalInvoice({ typeCode: "381" }))).toContain("BR-CL-01");
    expect(firedRules(minimalInvoice({ kind: "credit-note", typeCode: "381" }))).not.toContain("BR-CL-01");
  });

  it("refuse an unknown currency code (BR-CL-04)", () => {
    expect(firedRules(minimalInvoice({ currency: "EURO" }))).toContain("BR-CL-04");
  });

  it("check quantity and price base quantity unit codes against UN/ECE Rec 20/21 (BR-CL-23)", () => {
    const line = minimalLine({
      unitCode: "PCS",
      price: { netPrice: dec("50"), baseQuantity: dec("1"), baseUnitCode: "XBX" },
    });
    const findings = findingsOf(minimalInvoice({ lines: [line] }), "BR-CL-23");
    expect(findings.map((f) => f.location)).toEqual([
      "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity/@unitCode",
    ]);
  });

  it("allow the SEPA creditor scheme on the seller but not on the buyer (BR-CL-10)", () => {
    const doc = minimalInvoice();
    const sepa = [{ value: "BE12ZZZ0403170701", scheme: "SEPA" }];
    expect(firedRules({ ...doc, seller: { ...doc.seller, identifiers: sepa } })).not.toContain("BR-CL-10");
    expect(firedRules({ ...doc, buyer: { ...doc.buyer, identifiers: sepa } })).toContain("BR-CL-10");
  });

  it("check a note's #subject# code only when it is three characters long (BR-CL-08)", () => {
    expect(firedRules(minimalInvoice({ notes: ["#AAI#General information"] }))).not.toContain("BR-CL-08");
    expect(firedRules(minimalInvoice({ notes: ["#XYZ#Unknown subject"] }))).toContain("BR-CL-08");
    expect(firedRules(minimalInvoice({ notes: ["Price #1 on #list"] }))).not.toContain("BR-CL-08");
  });

  it("compare VAT exemption reason codes in upper case (BR-CL-22)", () => {
    const doc = minimalInvoice();
    const breakdown = (code: string) => [{ ...doc.vatBreakdown[0], exemptionReasonCode: code }];
    expect(firedRules({ ...doc, vatBreakdown: breakdown("vatex-eu-ae") })).not.toContain("BR-CL-22");
    expect(firedRules({ ...doc, vatBreakdown: breakdown("VATEX-XX") })).toContain("BR-CL-22");
  });

  it("refuse a line net amount with three significant decimals (BR-DEC-23)", () => {
    const lines = [minimalLine({ netAmount: dec("100.005") })];
    expect(findingsOf(minimalInvoice({ lines }), "BR-DEC-23").map((f) => f.location)).toEqual([
      "/Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount",
    ]);
  });
});
