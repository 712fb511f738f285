import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, decimalPlaces, toFixedPlaces } from "./decimal.ts";
import { fromMinorUnits, toMinorUnits } from "./minor-units.ts";
import { lineNetAmount, percentageAmount, roundAmount, vatCategoryAmount } from "./rounding.ts";

const s = (d: ReturnType<typeof dec>) => toFixedPlaces(d, 2);

describe("EN 16931 rounding", () => {
  it("rounds half away from zero for positive and negative amounts", () => {
    expect(s(roundAmount(dec("2.345")))).toBe("2.35");
    expect(s(roundAmount(dec("-2.345")))).toBe("-2.35");
    expect(s(roundAmount(dec("2.344999")))).toBe("2.34");
    expect(s(roundAmount(dec("0.005")))).toBe("0.01");
  });

  it("adds 0.1 and 0.2 exactly, unlike binary floats", () => {
    expect(dec("0.1").plus(dec("0.2")).eq(dec("0.3"))).toBe(true);
  });

  it("computes a line net amount from a unit price with four decimals and a base quantity", () => {
    // 3 x 1.2345 / 1 = 3.7035 -> 3.70
    expect(s(lineNetAmount({ quantity: dec("3"), netPrice: dec("1.2345") }))).toBe("3.70");
    // 1000 items priced 12.50 per 100 -> 125.00
    expect(
      s(lineNetAmount({ quantity: dec("1000"), netPrice: dec("12.50"), baseQuantity: dec("100") })),
    ).toBe("125.00");
    // 7 x 1/3 per unit: division before rounding stays exact enough to round once, at the end
    expect(s(lineNetAmount({ quantity: dec("3"), netPrice: dec("10"), baseQuantity: dec("9") }))).toBe(
      "3.33",
    );
  });

  it("applies line charges and allowances before rounding the line once", () => {
    const net = lineNetAmount({
      quantity: dec("2"),
      netPrice: dec("10.005"),
      allowances: [dec("1.00")],
      charges: [dec("0.50")],
    });
    expect(s(net)).toBe("19.51");
  });

  it("treats a zero base quantity as one rather than dividing by zero", () => {
    expect(s(lineNetAmount({ quantity: dec("2"), netPrice: dec("5"), baseQuantity: dec("0") }))).toBe(
      "10.00",
    );
  });

  it("computes VAT on the category total, not per line", () => {
    // three lines of 0.10 at 21%: per line 0.021 -> 0.02 each = 0.06; on the total 0.30 -> 0.063 -> 0.06
    expect(s(vatCategoryAmount(dec("0.30"), dec("21")))).toBe("0.06");
    // 33.33 at 21% = 6.9993 -> 7.00
    expect(s(vatCategoryAmount(dec("33.33"), dec("21")))).toBe("7.00");
    // 6% on 2.50 = 0.15
    expect(s(vatCategoryAmount(dec("2.50"), dec("6")))).toBe("0.15");
  });

  it("computes percentage allowances exactly", () => {
    expect(s(percentageAmount(dec("99.99"), dec("2.5")))).toBe("2.50");
    expect(s(percentageAmount(dec("-99.99"), dec("2.5")))).toBe("-2.50");
  });
});

describe("minor units", () => {
  it("round-trips amounts beyond the float-safe range", () => {
    const big = dec("123456789012345678.91");
    expect(toMinorUnits(big)).toBe(12345678901234567891n);
    expect(fromMinorUnits(12345678901234567891n).eq(big)).toBe(true);
  });

  it("turns every amount of up to two decimals into its hundredths, on both sides of the float-safe range", () => {
    const amount = fc
      .tuple(
        fc.constantFrom("", "-"),
        fc.stringMatching(/^[1-9]\d{0,17}$/),
        fc.constantFrom("", ".5", ".05", ".25", ".99", ".1"),
      )
      .map(([sign, integer, fraction]) => `${sign}${integer}${fraction}`);
    fc.assert(
      fc.property(amount, (text) => {
        const [integer = "", fraction = ""] = text.split(".");
        const expected = BigInt(`${integer}${fraction.padEnd(2, "0")}`);
        expect(toMinorUnits(dec(text))).toBe(expected);
        expect(fromMinorUnits(expected).eq(dec(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(toMinorUnits(dec("0"))).toBe(0n);
  });

  it("refuses amounts with more than two decimals", () => {
    expect(() => toMinorUnits(dec("1.001"))).toThrow(/more than two decimals/);
  });

  it("counts decimal places as the value has them", () => {
    expect(decimalPlaces(dec("1.230"))).toBe(2);
    expect(decimalPlaces(dec("100"))).toBe(0);
    expect(decimalPlaces(dec("0.001"))).toBe(3);
  });

  it("accepts an explicit plus sign, as XML decimals may carry one", () => {
    expect(dec("+0.10").eq(dec("0.1"))).toBe(true);
  });

  it("refuses numerals with exponents or separators", () => {
    expect(() => dec("1e3")).toThrow();
    expect(() => dec("1,5")).toThrow();
    expect(() => dec("")).toThrow();
  });
});
