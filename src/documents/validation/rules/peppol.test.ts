import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../../core/money/decimal.ts";
import { findingsOf, firedRules } from "../testing/fired-rules.ts";
import { minimalInvoice, minimalLine } from "../testing/minimal-invoice.ts";
import { isIsoDate } from "./peppol-codes.ts";

describe("Peppol BIS Billing 3.0 rules", () => {
  it("report a Belgian enterprise number (0208) with a wrong mod-97 check wherever it is used (COMMON-R043)", () => {
    const doc = minimalInvoice();
    const wrong = { value: "0403170702", scheme: "0208" };
    const findings = findingsOf(
      { ...doc, seller: { ...doc.seller, endpoint: wrong, legalRegistration: wrong } },
      "PEPPOL-COMMON-R043",
    );
    expect(findings.map((f) => [f.severity, f.location])).toEqual([
      ["fatal", "/Invoice/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID"],
      ["fatal", "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"],
    ]);
    expect(findings[0]?.message).toBe("Belgian enterprise number MUST be stated in the correct format.");
  });

  it("require a buyer reference or a purchase order reference (R003)", () => {
    expect(firedRules(minimalInvoice({ buyerReference: undefined }))).toEqual(["PEPPOL-EN16931-R003"]);
    expect(firedRules(minimalInvoice({ buyerReference: undefined, orderReference: "PO-1" }))).toEqual([]);
  });

  it("require the Peppol specification identifier and an approved profile (R004, R007)", () => {
    const doc = minimalInvoice({
      customizationId: "urn:cen.eu:en16931:2017",
      profileId: "urn:example:profile",
    });
    expect(firedRules(doc)).toEqual(["PEPPOL-EN16931-R004", "PEPPOL-EN16931-R007"]);
  });

  it("accept a line net amount within two cents of quantity times price over base quantity (R120)", () => {
    const price = { netPrice: dec("0.333"), baseQuantity: dec("10") };
    const line = minimalLine({ quantity: dec("3000"), netAmount: dec("99.91"), price });
    const totals = {
      lineNet: dec("99.91"),
      taxExclusive: dec("99.91"),
      tax: dec("20.98"),
      taxInclusive: dec("120.89"),
      payable: dec("120.89"),
    };
    const vatBreakdown = [
      { taxableAmount: dec("99.91"), taxAmount: dec("20.98"), category: "S", rate: dec("21") },
    ];
    expect(firedRules(minimalInvoice({ lines: [line], totals, vatBreakdown }))).toEqual([]);
    const off = { ...line, netAmount: dec("99.87") };
    expect(firedRules(minimalInvoice({ lines: [off] }))).toContain("PEPPOL-EN16931-R120");
  });

  it("include line allowances and charges in the line net amount (R120)", () => {
    const line = minimalLine({
      netAmount: dec("95.00"),
      allowances: [{ amount: dec("10.00"), reason: "Discount" }],
      charges: [{ amount: dec("5.00"), reason: "Packing" }],
    });
    expect(findingsOf(minimalInvoice({ lines: [line] }), "PEPPOL-EN16931-R120")).toEqual([]);
  });

  it("require a base amount with a percentage and the amount to match them (R041, R040)", () => {
    const percentOnly = {
      amount: dec("10"),
      percentage: dec("10"),
      reason: "Promo",
      vatCategory: "S",
      vatRate: dec("21"),
    };
    expect(firedRules(minimalInvoice({ allowances: [percentOnly] }))).toContain("PEPPOL-EN16931-R041");
    const mismatch = { ...percentOnly, baseAmount: dec("100"), amount: dec("10.05") };
    expect(firedRules(minimalInvoice({ allowances: [mismatch] }))).toContain("PEPPOL-EN16931-R040");
  });

  it("refuse an e-mail endpoint scheme, which is not a Peppol electronic address scheme (CL008)", () => {
    const doc = minimalInvoice();
    const buyer = { ...doc.buyer, endpoint: { value: "ap@example.be", scheme: "EM" } };
    expect(firedRules({ ...doc, buyer })).toEqual(["PEPPOL-EN16931-CL008"]);
  });

  it("allow invoice type 384 only between German or between Slovak parties (P0112)", () => {
    expect(firedRules(minimalInvoice({ typeCode: "384" }))).toContain("PEPPOL-EN16931-P0112");
  });

  it("require a VATEX-EU-AE exemption code to sit on category AE (P0107)", () => {
    const doc = minimalInvoice();
    const vatBreakdown = [{ ...doc.vatBreakdown[0], exemptionReasonCode: "VATEX-EU-AE" }];
    expect(firedRules({ ...doc, vatBreakdown })).toContain("PEPPOL-EN16931-P0107");
  });

  it("accept exactly the YYYY-MM-DD texts that are calendar dates (F001)", () => {
    // Months and days mostly around the real ones, so that month ends and 29 February come up often.
    const two = (likely: number) =>
      fc
        .oneof(fc.integer({ min: 0, max: likely }), fc.integer({ min: 0, max: 99 }))
        .map((n) => String(n).padStart(2, "0"));
    const year = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0"));
    fc.assert(
      fc.property(year, two(13), two(32), (y, m, d) => {
        const text = `${y}-${m}-${d}`;
        // The calendar's own answer: a valid date prints back as written (years from 0000 to 9999).
        const date = new Date(`${text}T00:00:00Z`);
        const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
        expect(isIsoDate(text)).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });

  it("read dates as YYYY-MM-DD calendar dates only (F001)", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2026-1-15")).toBe(false);
    expect(isIsoDate("2026-01-15Z")).toBe(false);
    expect(
      findingsOf(minimalInvoice({ issueDate: "15/01/2026" }), "PEPPOL-EN16931-F001").map((f) => f.location),
    ).toEqual(["/Invoice/cbc:IssueDate"]);
  });

  it("keep line periods inside the invoicing period (R110, R111)", () => {
    const doc = minimalInvoice({
      invoicingPeriod: { start: "2026-01-01", end: "2026-01-31" },
      lines: [minimalLine({ period: { start: "2025-12-31", end: "2026-02-01" } })],
    });
    expect(firedRules(doc)).toEqual(["PEPPOL-EN16931-R110", "PEPPOL-EN16931-R111"]);
  });
});
