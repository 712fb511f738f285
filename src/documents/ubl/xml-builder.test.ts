import { describe, expect, it } from "vitest";
import { dec } from "../../core/money/decimal.ts";
import { formatAmount, formatDecimal } from "./xml-builder.ts";

describe("number formatting of the UBL writer", () => {
  it.each([
    ["0", "0.00", "0"],
    ["-0", "0.00", "0"],
    ["100", "100.00", "100"],
    ["1.5", "1.50", "1.5"],
    ["-12.3", "-12.30", "-12.3"],
    ["0.125", "0.125", "0.125"],
    ["-0.005", "-0.005", "-0.005"],
    ["0.0000001", "0.0000001", "0.0000001"],
    ["123456789012345678901234.56", "123456789012345678901234.56", "123456789012345678901234.56"],
    ["1000000000000000000000000", "1000000000000000000000000.00", "1000000000000000000000000"],
  ])("writes %s as amount %s and as quantity %s", (value, amount, quantity) => {
    expect(formatAmount(dec(value))).toBe(amount);
    expect(formatDecimal(dec(value))).toBe(quantity);
  });

  it("writes computed values in plain notation, never with an exponent", () => {
    expect(formatDecimal(dec("1").div(dec("3")).times(dec("0")))).toBe("0");
    expect(formatDecimal(dec("1").div(dec("100000000")))).toBe("0.00000001");
    expect(formatAmount(dec("25").times(dec("1000000000000000000000")))).toBe("25000000000000000000000.00");
  });
});
