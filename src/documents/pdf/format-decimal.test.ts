import { describe, expect, it } from "vitest";
import { dec } from "../../core/money/decimal.ts";
import { formatAmount, formatPercent, formatQuantity } from "./format-decimal.ts";

describe("formatAmount", () => {
  it("groups thousands with a dot and uses a decimal comma in French, Dutch and German", () => {
    for (const language of ["fr", "nl", "de"] as const) {
      expect(formatAmount(dec("1234567.5"), language)).toBe("1.234.567,50");
    }
  });

  it("groups thousands with a comma and uses a decimal point in English", () => {
    expect(formatAmount(dec("1234567.5"), "en")).toBe("1,234,567.50");
  });

  it("keeps every decimal a document carries beyond two and the sign of a negative amount", () => {
    expect(formatAmount(dec("-1000.125"), "fr")).toBe("-1.000,125");
    expect(formatAmount(dec("0"), "en")).toBe("0.00");
    expect(formatAmount(dec("-0.00"), "nl")).toBe("0,00");
  });
});

describe("formatQuantity and formatPercent", () => {
  it("print quantities as written and rates with the language's percent spacing", () => {
    expect(formatQuantity(dec("12.5"), "de")).toBe("12,5");
    expect(formatQuantity(dec("1500"), "en")).toBe("1,500");
    expect(formatPercent(dec("21"), "fr")).toBe("21\u00a0%");
    expect(formatPercent(dec("5.5"), "nl")).toBe("5,5%");
  });
});
