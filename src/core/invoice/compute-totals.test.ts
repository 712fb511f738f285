import { describe, expect, it } from "vitest";
import { dec } from "../money/decimal.ts";
import { computeTotals } from "./compute-totals.ts";
import type { ContentLine, InvoiceContent } from "./invoice-content.ts";

const line = (over: Partial<ContentLine>): ContentLine => ({
  id: "1",
  name: "Item",
  quantity: dec("1"),
  unitCode: "C62",
  netPrice: dec("10"),
  vatCategory: "S",
  vatRate: dec("21"),
  allowances: [],
  charges: [],
  ...over,
});

const content = (over: Partial<InvoiceContent>): InvoiceContent => ({
  kind: "invoice",
  issueDate: "2026-11-28",
  currency: "EUR",
  notes: [],
  precedingInvoices: [],
  lines: [],
  allowances: [],
  charges: [],
  ...over,
});

const fixed = (d: ReturnType<typeof dec> | undefined) => d?.toFixed(2);

describe("computeTotals", () => {
  it("groups VAT per category and rate and rounds once per group", () => {
    const result = computeTotals(
      content({
        lines: [
          line({ id: "1", netPrice: dec("0.10") }),
          line({ id: "2", netPrice: dec("0.10") }),
          line({ id: "3", netPrice: dec("0.10") }),
          line({ id: "4", netPrice: dec("100"), vatRate: dec("6") }),
        ],
      }),
    );
    expect(
      result.vatBreakdown.map((b) => [
        b.category,
        b.rate?.toFixed(),
        fixed(b.taxableAmount),
        fixed(b.taxAmount),
      ]),
    ).toEqual([
      ["S", "21", "0.30", "0.06"],
      ["S", "6", "100.00", "6.00"],
    ]);
    expect(fixed(result.totals.taxInclusive)).toBe("106.36");
  });

  it("subtracts document allowances and adds charges in their VAT category", () => {
    const result = computeTotals(
      content({
        lines: [line({ quantity: dec("10"), netPrice: dec("10") })],
        allowances: [{ percentage: dec("10"), vatCategory: "S", vatRate: dec("21"), reason: "Discount" }],
        charges: [{ amount: dec("5"), vatCategory: "S", vatRate: dec("21"), reason: "Freight" }],
      }),
    );
    expect(fixed(result.totals.lineNet)).toBe("100.00");
    expect(fixed(result.totals.allowances)).toBe("10.00");
    expect(fixed(result.totals.charges)).toBe("5.00");
    expect(fixed(result.totals.taxExclusive)).toBe("95.00");
    expect(fixed(result.totals.tax)).toBe("19.95");
    expect(fixed(result.totals.payable)).toBe("114.95");
  });

  it("keeps exempt and reverse-charge categories at zero VAT with their reason", () => {
    const result = computeTotals(
      content({
        lines: [
          line({ vatCategory: "AE", vatRate: dec("0") }),
          line({ id: "2", vatCategory: "O", vatRate: dec("0") }),
        ],
        exemptionReasons: { AE: "Reverse charge" },
      }),
    );
    expect(
      result.vatBreakdown.map((b) => [b.category, b.rate?.toFixed(), fixed(b.taxAmount), b.exemptionReason]),
    ).toEqual([
      ["AE", "0", "0.00", "Reverse charge"],
      ["O", undefined, "0.00", undefined],
    ]);
  });

  it("subtracts the prepaid amount and converts VAT to the accounting currency", () => {
    const result = computeTotals(
      content({
        currency: "USD",
        taxCurrency: { code: "EUR", rate: dec("0.9123") },
        lines: [line({ netPrice: dec("1000") })],
        prepaid: dec("100"),
      }),
    );
    expect(fixed(result.totals.payable)).toBe("1110.00");
    expect(fixed(result.taxTotalInTaxCurrency)).toBe("191.58");
  });

  it("computes a negative credit-note line without flipping the rounding direction", () => {
    const result = computeTotals(content({ lines: [line({ quantity: dec("-3"), netPrice: dec("1.005") })] }));
    expect(fixed(result.totals.lineNet)).toBe("-3.02");
  });
});
