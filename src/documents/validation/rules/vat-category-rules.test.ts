import { describe, expect, it } from "vitest";
import type { InvoiceDocument } from "../../../core/invoice/invoice.ts";
import { dec } from "../../../core/money/decimal.ts";
import { findingsOf, firedRules } from "../testing/fired-rules.ts";
import { minimalInvoice, minimalLine } from "../testing/minimal-invoice.ts";

/** A one-line invoice in an exempt category: rate 0, tax 0, with an exemption reason. */
function exemptInvoice(category: string, reason: string | undefined = "Exempt"): InvoiceDocument {
  const rate = category === "O" ? undefined : dec("0");
  return minimalInvoice({
    lines: [minimalLine({ vat: { category, rate } })],
    vatBreakdown: [
      { taxableAmount: dec("100.00"), taxAmount: dec("0"), category, rate, exemptionReason: reason },
    ],
    totals: {
      lineNet: dec("100.00"),
      taxExclusive: dec("100.00"),
      tax: dec("0"),
      taxInclusive: dec("100.00"),
      payable: dec("100.00"),
    },
  });
}

describe("VAT category rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG)", () => {
  it("accept a standard-rated invoice with two rates, each broken down on its own (BR-S-08)", () => {
    const reduced = minimalLine({
      id: "2",
      netAmount: dec("50.00"),
      price: { netPrice: dec("25.00") },
      vat: { category: "S", rate: dec("6") },
    });
    const vatBreakdown = [
      { taxableAmount: dec("100.00"), taxAmount: dec("21.00"), category: "S", rate: dec("21") },
      { taxableAmount: dec("50.00"), taxAmount: dec("3.00"), category: "S", rate: dec("6") },
    ];
    const totals = {
      lineNet: dec("150.00"),
      taxExclusive: dec("150.00"),
      tax: dec("24.00"),
      taxInclusive: dec("174.00"),
      payable: dec("174.00"),
    };
    expect(firedRules(minimalInvoice({ lines: [minimalLine(), reduced], vatBreakdown, totals }))).toEqual([]);
  });

  it("report a standard-rated taxable amount that is off by a unit or more for its rate (BR-S-08)", () => {
    const doc = minimalInvoice();
    const vatBreakdown = [{ ...doc.vatBreakdown[0], taxableAmount: dec("101.00") }];
    const findings = findingsOf({ ...doc, vatBreakdown }, "BR-S-08");
    expect(findings.map((f) => f.location)).toEqual([
      "/Invoice/cac:TaxTotal/cac:TaxSubtotal[1]/cbc:TaxableAmount",
    ]);
  });

  it("require a positive rate on a standard-rated line (BR-S-05)", () => {
    const lines = [minimalLine({ vat: { category: "S", rate: dec("0") } })];
    expect(firedRules(minimalInvoice({ lines }))).toContain("BR-S-05");
  });

  it("refuse an exemption reason on a standard-rated breakdown (BR-S-10)", () => {
    const doc = minimalInvoice();
    expect(
      firedRules({ ...doc, vatBreakdown: [{ ...doc.vatBreakdown[0], exemptionReasonCode: "VATEX-EU-AE" }] }),
    ).toContain("BR-S-10");
  });

  it("accept the zero-rated and exempt categories with one breakdown and zero tax, a reason only where one is due", () => {
    for (const category of ["Z", "E", "G"]) {
      const fired = firedRules(exemptInvoice(category, category === "Z" ? "" : "Exempt"));
      expect(
        fired.filter((r) => r.startsWith("BR-")),
        category,
      ).toEqual(category === "Z" ? ["BR-Z-10"] : []);
    }
  });

  it("require exactly one exempt breakdown, even when only the breakdown uses the category (BR-E-01)", () => {
    const doc = exemptInvoice("E");
    const breakdown = doc.vatBreakdown[0];
    if (!breakdown) throw new Error("no breakdown");
    expect(firedRules({ ...doc, vatBreakdown: [breakdown, breakdown] })).toContain("BR-E-01");
  });

  it("require the buyer's VAT or legal registration for reverse charge (BR-AE-02)", () => {
    const doc = exemptInvoice("AE", "Reverse charge");
    expect(firedRules(doc)).not.toContain("BR-AE-02");
    expect(firedRules({ ...doc, buyer: { ...doc.buyer, vatNumber: undefined } })).toContain("BR-AE-02");
    const registered = {
      ...doc.buyer,
      vatNumber: undefined,
      legalRegistration: { value: "0203201340", scheme: "0208" },
    };
    expect(firedRules({ ...doc, buyer: registered })).not.toContain("BR-AE-02");
  });

  it("require a delivery date or invoicing period and a delivery country for intra-community supply (BR-IC-11, BR-IC-12)", () => {
    const doc = exemptInvoice("K", "Intra-community supply");
    expect(firedRules(doc)).toEqual(expect.arrayContaining(["BR-IC-11", "BR-IC-12"]));
    const delivered = { ...doc, delivery: { date: "2026-01-10", address: { country: "FR" } } };
    expect(firedRules(delivered).filter((r) => r.startsWith("BR-IC"))).toEqual([]);
  });

  it("forbid VAT identifiers and other categories next to 'not subject to VAT' (BR-O-02, BR-O-11)", () => {
    const doc = exemptInvoice("O", "Not subject to VAT");
    expect(firedRules(doc)).toContain("BR-O-02");
    const noVat = {
      ...doc,
      seller: { ...doc.seller, vatNumber: undefined },
      buyer: { ...doc.buyer, vatNumber: undefined },
    };
    expect(firedRules(noVat).filter((r) => r.startsWith("BR-O"))).toEqual([]);
    const mixed = {
      ...noVat,
      vatBreakdown: [
        ...noVat.vatBreakdown,
        { category: "S", rate: dec("21"), taxableAmount: dec("0"), taxAmount: dec("0") },
      ],
    };
    expect(firedRules(mixed)).toContain("BR-O-11");
  });

  it("forbid a rate on a line not subject to VAT (BR-O-05)", () => {
    const doc = exemptInvoice("O", "Not subject to VAT");
    const lines = [minimalLine({ vat: { category: "O", rate: dec("0") } })];
    expect(findingsOf({ ...doc, lines }, "BR-O-05").map((f) => f.location)).toEqual([
      "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent",
    ]);
  });

  it("compute IGIC (L) like a taxed category: tax from taxable amount and rate (BR-AF-09)", () => {
    const lines = [minimalLine({ vat: { category: "L", rate: dec("7") } })];
    const vatBreakdown = [
      { taxableAmount: dec("100.00"), taxAmount: dec("9.00"), category: "L", rate: dec("7") },
    ];
    expect(firedRules(minimalInvoice({ lines, vatBreakdown }))).toContain("BR-AF-09");
  });
});
