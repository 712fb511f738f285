import { describe, expect, it } from "vitest";
import type { InvoiceContent } from "../../core/invoice/invoice-content.ts";
import { dec } from "../../core/money/decimal.ts";
import { decodeInvoiceContent, encodeInvoiceContent } from "./invoice-content-codec.ts";

const content: InvoiceContent = {
  kind: "invoice",
  issueDate: "2026-11-02",
  currency: "USD",
  taxCurrency: { code: "EUR", rate: dec("0.00000001") },
  notes: [],
  precedingInvoices: [],
  lines: [
    {
      id: "1",
      name: "Service",
      quantity: dec("1.000"),
      unitCode: "C62",
      netPrice: dec("100.0001"),
      vatCategory: "S",
      vatRate: dec("21"),
      allowances: [],
      charges: [],
    },
  ],
  allowances: [],
  charges: [],
};

describe("the stored invoice content", () => {
  it("round-trips every decimal exactly, a tiny exchange rate included", () => {
    const text = encodeInvoiceContent(content);
    expect(text).toContain('"rate":"0.00000001"');
    const back = decodeInvoiceContent(text);
    expect(back.taxCurrency?.rate.eq(dec("0.00000001"))).toBe(true);
    expect(back.lines[0]?.netPrice.toString()).toBe("100.0001");
    expect(encodeInvoiceContent(back)).toBe(text);
  });
});
