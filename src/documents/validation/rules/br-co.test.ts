import { describe, expect, it } from "vitest";
import { dec } from "../../../core/money/decimal.ts";
import { findingsOf, firedRules } from "../testing/fired-rules.ts";
import { minimalInvoice, minimalLine } from "../testing/minimal-invoice.ts";

describe("EN 16931 calculation and condition rules (BR-CO)", () => {
  it("compare the sum of line net amounts after XPath rounding to two decimals (BR-CO-10)", () => {
    const lines = [
      minimalLine({ netAmount: dec("33.333") }),
      minimalLine({ id: "2", netAmount: dec("66.666") }),
    ];
    const doc = minimalInvoice({ lines });
    expect(findingsOf(doc, "BR-CO-10")).toEqual([]);
    expect(findingsOf({ ...doc, totals: { ...doc.totals, lineNet: dec("99.99") } }, "BR-CO-10")).toHaveLength(
      1,
    );
  });

  it("require the allowance total to be absent or zero when there is no document allowance (BR-CO-11)", () => {
    const doc = minimalInvoice();
    expect(firedRules({ ...doc, totals: { ...doc.totals, allowances: dec("0") } })).not.toContain("BR-CO-11");
    expect(firedRules({ ...doc, totals: { ...doc.totals, allowances: dec("5") } })).toContain("BR-CO-11");
  });

  it("check the total without VAT against lines, allowances and charges (BR-CO-13)", () => {
    const allowance = { amount: dec("10"), reason: "Loyalty", vatCategory: "S", vatRate: dec("21") };
    const doc = minimalInvoice({ allowances: [allowance] });
    const totals = { ...doc.totals, allowances: dec("10"), taxExclusive: dec("90.00") };
    expect(firedRules({ ...doc, totals })).not.toContain("BR-CO-13");
    expect(firedRules({ ...doc, totals: { ...totals, taxExclusive: dec("100.00") } })).toContain("BR-CO-13");
  });

  it("require exactly one VAT total in the invoice currency (BR-CO-15)", () => {
    const doc = minimalInvoice();
    expect(firedRules({ ...doc, taxTotalInTaxCurrency: dec("21.00") })).toContain("BR-CO-15");
    expect(firedRules({ ...doc, taxCurrency: "USD", taxTotalInTaxCurrency: dec("24.15") })).not.toContain(
      "BR-CO-15",
    );
  });

  it("subtract the paid amount and add the rounding amount for the amount due (BR-CO-16)", () => {
    const doc = minimalInvoice();
    const totals = { ...doc.totals, prepaid: dec("21.00"), rounding: dec("0.01"), payable: dec("100.01") };
    expect(firedRules({ ...doc, totals })).not.toContain("BR-CO-16");
    expect(firedRules({ ...doc, totals: { ...totals, payable: dec("100.00") } })).toContain("BR-CO-16");
  });

  it("tolerate one unit of difference in a category's VAT amount, as the schematron does (BR-CO-17)", () => {
    const doc = minimalInvoice();
    const breakdown = (tax: string) => [{ ...doc.vatBreakdown[0], taxAmount: dec(tax) }];
    expect(findingsOf({ ...doc, vatBreakdown: breakdown("21.99") }, "BR-CO-17")).toEqual([]);
    expect(findingsOf({ ...doc, vatBreakdown: breakdown("22.00") }, "BR-CO-17")).toHaveLength(1);
  });

  it("require a due date or payment terms on an invoice with an amount due, never on a credit note (BR-CO-25)", () => {
    expect(firedRules(minimalInvoice({ dueDate: undefined }))).toContain("BR-CO-25");
    expect(firedRules(minimalInvoice({ dueDate: undefined, paymentTerms: "30 days" }))).not.toContain(
      "BR-CO-25",
    );
    const creditNote = minimalInvoice({ kind: "credit-note", typeCode: "381", dueDate: undefined });
    expect(firedRules(creditNote)).not.toContain("BR-CO-25");
  });

  it("accept the Greek EL prefix on a VAT identifier but not a number without country prefix (BR-CO-09)", () => {
    const doc = minimalInvoice();
    expect(firedRules({ ...doc, buyer: { ...doc.buyer, vatNumber: "EL094014201" } })).not.toContain(
      "BR-CO-09",
    );
    expect(firedRules({ ...doc, buyer: { ...doc.buyer, vatNumber: "0203201340" } })).toContain("BR-CO-09");
  });

  it("forbid a VAT point date together with a VAT point date code (BR-CO-03)", () => {
    const doc = minimalInvoice({ taxPointDate: "2026-01-15", invoicingPeriod: { descriptionCode: "3" } });
    expect(firedRules(doc)).toContain("BR-CO-03");
  });
});
