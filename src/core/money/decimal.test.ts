import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, dec, decimalPlaces, HUNDRED, toFixedPlaces, ZERO } from "./decimal.ts";
import { DecimalSum, sumDecimals } from "./decimal-sum.ts";

// big.js, which facteur used before, is the reference: stored content and every document amount must not change.
Big.NE = -1_000_000;
Big.PE = 1_000_000;

/** Decimal numerals: signs, leading zeros, many decimals, integers of up to 40 digits. */
const numeral = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^\d{1,40}$/),
    fc.option(fc.stringMatching(/^\d{0,12}$/), { nil: undefined }),
  )
  .map(([sign, integer, fraction]) => `${sign}${integer}${fraction === undefined ? "" : `.${fraction}`}`);

/**
 * Numerals around the float-safe range (up to 17 digits in all), where a decimal switches between its double and its
 * bigint coefficient: sums, products, comparisons and roundings must not notice.
 */
const nearSafe = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^\d{1,9}$/),
    fc.option(fc.stringMatching(/^\d{0,8}$/), { nil: undefined }),
  )
  .map(([sign, integer, fraction]) => `${sign}${integer}${fraction === undefined ? "" : `.${fraction}`}`);

const big = (text: string) => new Big(text.startsWith("+") ? text.slice(1) : text);

describe("Decimal against big.js", () => {
  it("parses and prints as big.js did (shortest plain notation)", () => {
    fc.assert(
      fc.property(numeral, (text) => {
        expect(dec(text).toString()).toBe(big(text).toFixed());
        expect(JSON.stringify(dec(text))).toBe(JSON.stringify(big(text)));
      }),
    );
  });

  it("adds, subtracts and multiplies exactly", () => {
    fc.assert(
      fc.property(numeral, numeral, (a, b) => {
        expect(dec(a).plus(dec(b)).toString()).toBe(big(a).plus(big(b)).toFixed());
        expect(dec(a).minus(dec(b)).toString()).toBe(big(a).minus(big(b)).toFixed());
        expect(dec(a).times(dec(b)).toString()).toBe(big(a).times(big(b)).toFixed());
      }),
    );
  });

  it("divides to 20 decimals, half away from zero", () => {
    fc.assert(
      fc.property(numeral, numeral, (a, b) => {
        fc.pre(!big(b).eq(0));
        expect(dec(a).div(dec(b)).toString()).toBe(big(a).div(big(b)).toFixed());
      }),
    );
  });

  it("compares", () => {
    fc.assert(
      fc.property(numeral, numeral, (a, b) => {
        expect(dec(a).cmp(dec(b))).toBe(big(a).cmp(big(b)));
        expect(dec(a).eq(dec(b))).toBe(big(a).eq(big(b)));
        expect(dec(a).lt(dec(b))).toBe(big(a).lt(big(b)));
        expect(dec(a).lte(dec(b))).toBe(big(a).lte(big(b)));
        expect(dec(a).gt(dec(b))).toBe(big(a).gt(big(b)));
        expect(dec(a).gte(dec(b))).toBe(big(a).gte(big(b)));
      }),
    );
  });

  it("rounds and fixes decimals half away from zero, or towards zero", () => {
    fc.assert(
      fc.property(numeral, fc.integer({ min: 0, max: 8 }), (a, places) => {
        expect(dec(a).round(places).toString()).toBe(big(a).round(places, Big.roundHalfUp).toFixed());
        expect(dec(a).round(places, "down").toString()).toBe(big(a).round(places, Big.roundDown).toFixed());
        expect(dec(a).toFixed(places)).toBe(big(a).toFixed(places, Big.roundHalfUp));
        expect(dec(a).toFixed(places, "down")).toBe(big(a).toFixed(places, Big.roundDown));
      }),
    );
  });

  it("counts decimal places, takes signs off and turns them around", () => {
    fc.assert(
      fc.property(numeral, (a) => {
        const b = big(a);
        expect(decimalPlaces(dec(a))).toBe(Math.max(0, b.c.length - b.e - 1));
        expect(dec(a).abs().toString()).toBe(b.abs().toFixed());
        expect(dec(a).neg().toString()).toBe(b.neg().toFixed());
        expect(dec(a).sign()).toBe(b.eq(0) ? 0 : b.s);
      }),
    );
  });
});

/** Amounts and prices as invoices have them: one or two decimals (printed through a shortcut), or none. */
const money = fc
  .tuple(
    fc.constantFrom("", "-"),
    fc.stringMatching(/^\d{1,13}$/),
    fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
  )
  .map(([sign, integer, fraction]) => `${sign}${integer}${fraction === undefined ? "" : `.${fraction}`}`);

describe("Decimal against big.js, amounts of up to two decimals", () => {
  it("prints, adds and subtracts as big.js, zero included", () => {
    fc.assert(
      fc.property(money, fc.oneof(money, fc.constant("0")), (a, b) => {
        expect(dec(a).toString()).toBe(big(a).toFixed());
        expect(JSON.stringify(dec(a))).toBe(JSON.stringify(big(a)));
        expect(dec(a).plus(dec(b)).toString()).toBe(big(a).plus(big(b)).toFixed());
        expect(dec(b).plus(dec(a)).toString()).toBe(big(b).plus(big(a)).toFixed());
        expect(dec(a).minus(dec(b)).toString()).toBe(big(a).minus(big(b)).toFixed());
        expect(dec(b).minus(dec(a)).toString()).toBe(big(b).minus(big(a)).toFixed());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("DecimalSum against big.js", () => {
  it("sums exactly, across scales and beyond the float-safe range", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(money, nearSafe, numeral), { maxLength: 12 }), (terms) => {
        const sum = new DecimalSum();
        let expected = new Big(0);
        for (const term of terms) {
          sum.add(dec(term));
          expected = expected.plus(big(term));
          expect(sum.value().toString()).toBe(expected.toFixed());
        }
        expect(sumDecimals(terms.map((t) => dec(t))).toString()).toBe(expected.toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it("is zero when nothing was added", () => {
    expect(new DecimalSum().value()).toBe(ZERO);
  });
});

describe("Decimal against big.js, near the float-safe range", () => {
  it("computes, compares and rounds as big.js", () => {
    fc.assert(
      fc.property(fc.oneof(nearSafe, numeral), nearSafe, fc.integer({ min: 0, max: 20 }), (a, b, places) => {
        expect(dec(a).toString()).toBe(big(a).toFixed());
        expect(dec(a).plus(dec(b)).toString()).toBe(big(a).plus(big(b)).toFixed());
        expect(dec(a).minus(dec(b)).toString()).toBe(big(a).minus(big(b)).toFixed());
        const product = dec(a).times(dec(b));
        expect(product.toString()).toBe(big(a).times(big(b)).toFixed());
        expect(product.times(dec(b)).toString()).toBe(big(a).times(big(b)).times(big(b)).toFixed());
        expect(dec(a).cmp(dec(b))).toBe(big(a).cmp(big(b)));
        expect(dec(a).eq(dec(b))).toBe(big(a).eq(big(b)));
        expect(product.round(places).toString()).toBe(
          big(a).times(big(b)).round(places, Big.roundHalfUp).toFixed(),
        );
        expect(product.round(places, "down").toString()).toBe(
          big(a).times(big(b)).round(places, Big.roundDown).toFixed(),
        );
        expect(product.eq(dec(product.toString()))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("divides by powers of ten as big.js, within and beyond 20 decimals", () => {
    fc.assert(
      fc.property(fc.oneof(nearSafe, numeral), fc.integer({ min: 0, max: 15 }), (a, k) => {
        const power = `1${"0".repeat(k)}`;
        expect(dec(a).div(dec(power)).toString()).toBe(big(a).div(big(power)).toFixed());
        expect(
          dec(a)
            .div(dec(`-${power}`))
            .toString(),
        ).toBe(
          big(a)
            .div(big(`-${power}`))
            .toFixed(),
        );
      }),
    );
    expect(dec("0.000000000000000001").div(100).toString()).toBe("0.00000000000000000001");
    expect(dec("0.0000000000000000015").div(100).toString()).toBe("0.00000000000000000002");
  });

  it("rounds halves towards positive infinity as XPath's round() does: floor(x x 10^p + 0.5) / 10^p", () => {
    const xpath = (a: string, places: number) => {
      const scaled = big(a).times(new Big(10).pow(places)).plus(new Big("0.5"));
      let floor = scaled.round(0, Big.roundDown);
      if (floor.gt(scaled)) floor = floor.minus(1);
      return floor.div(new Big(10).pow(places)).toFixed();
    };
    fc.assert(
      fc.property(fc.oneof(nearSafe, numeral), fc.integer({ min: 0, max: 6 }), (a, places) => {
        expect(dec(a).round(places, "half-ceiling").toString()).toBe(xpath(a, places));
      }),
      { numRuns: 2000 },
    );
    expect(dec("-2.5").round(0, "half-ceiling").toString()).toBe("-2");
    expect(dec("2.5").round(0, "half-ceiling").toString()).toBe("3");
    expect(dec("-0.125").round(2, "half-ceiling").toString()).toBe("-0.12");
    expect(dec("-0.1251").round(2, "half-ceiling").toString()).toBe("-0.13");
    expect(dec("-98765432109876543210.005").round(2, "half-ceiling").toString()).toBe(
      "-98765432109876543210",
    );
  });

  it("tryParse accepts exactly the plain numerals, as the regular expression says", () => {
    const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("+", "-", ".", "0", "1", "5", "9", " ", "e", ","), { maxLength: 18 }),
        (chars) => {
          const text = chars.join("");
          const parsed = Decimal.tryParse(text);
          expect(parsed !== undefined).toBe(plain.test(text.trim()));
          if (parsed !== undefined) expect(parsed.toString()).toBe(big(text.trim()).toFixed());
        },
      ),
      { numRuns: 5000 },
    );
    for (const bad of ["1e3", "1,5", "", "--1", "+-1", "0x10", "1.2.3", " . ", "+", "-.", "1 2"])
      expect(Decimal.tryParse(bad)).toBeUndefined();
  });

  it("crosses 2^53 both ways exactly", () => {
    const max = dec(String(Number.MAX_SAFE_INTEGER));
    expect(max.plus(1).toString()).toBe("9007199254740992");
    expect(max.plus(1).minus(1).eq(max)).toBe(true);
    expect(max.times(dec("0.1")).toString()).toBe("900719925474099.1");
    expect(max.neg().minus(2).toString()).toBe("-9007199254740993");
    expect(max.plus(2).gt(max)).toBe(true);
    expect(dec("9007199254740993").round(0).toString()).toBe("9007199254740993");
    expect(dec("0.9007199254740993").round(15).toString()).toBe("0.900719925474099");
  });
});

describe("Decimal", () => {
  it("writes tiny and huge values in plain notation, which it can read back", () => {
    for (const text of ["0.00000001", "0.000000000000000000000001", "123456789012345678901234567890.5"]) {
      expect(dec(text).toString()).toBe(text);
      expect(JSON.stringify({ rate: dec(text) })).toBe(`{"rate":"${text}"}`);
      expect(dec(JSON.parse(JSON.stringify(dec(text))) as string).eq(dec(text))).toBe(true);
    }
  });

  it("writes ordinary values exactly as before", () => {
    expect(dec("12.50").toString()).toBe("12.5");
    expect(dec("0.0000001").toString()).toBe("0.0000001");
    expect(dec("-3").toString()).toBe("-3");
    expect(dec("1200").toString()).toBe("1200");
    expect(dec("-0.00").toString()).toBe("0");
  });

  it("rounds half away from zero on both sides, and never writes a negative zero", () => {
    expect(toFixedPlaces(dec("2.345"), 2)).toBe("2.35");
    expect(toFixedPlaces(dec("-2.345"), 2)).toBe("-2.35");
    expect(toFixedPlaces(dec("-2.344999"), 2)).toBe("-2.34");
    expect(toFixedPlaces(dec("-0.004"), 2)).toBe("0.00");
    expect(dec("-0.5").round(0).toString()).toBe("-1");
    expect(dec("-0.5").round(0, "down").toString()).toBe("0");
  });

  it("keeps a unit price of many decimals exact through a line amount", () => {
    // 3 x 0.123456789 = 0.370370367; x 1000000 = 370370.367
    const line = dec("3").times(dec("0.123456789"));
    expect(line.toString()).toBe("0.370370367");
    expect(line.times(1_000_000).toString()).toBe("370370.367");
    expect(line.round(2).toString()).toBe("0.37");
  });

  it("computes with values far beyond the float-safe range", () => {
    const a = dec("98765432109876543210.99");
    expect(a.plus(dec("0.01")).toString()).toBe("98765432109876543211");
    expect(a.times(HUNDRED).toString()).toBe("9876543210987654321099");
    expect(a.div(dec("3")).toString()).toBe("32921810703292181070.33");
  });

  it("accepts integer literals and numerals as operands, as big.js did", () => {
    expect(dec("1.5").times(100).toString()).toBe("150");
    expect(dec("1.5").plus("0.25").toString()).toBe("1.75");
    expect(dec("0").eq(ZERO)).toBe(true);
    expect(() => dec("1").plus(Number.NaN)).toThrow(RangeError);
  });

  it("builds values from a coefficient and a scale, in shortest form", () => {
    expect(Decimal.of(1250n, 2).toString()).toBe("12.5");
    expect(Decimal.of(1250n, 2).scale).toBe(1);
    expect(Decimal.of(-5n, 3).toString()).toBe("-0.005");
    expect(Decimal.of(0n, 4).eq(ZERO)).toBe(true);
  });

  it("refuses division by zero and numerals it cannot read", () => {
    expect(() => dec("1").div(ZERO)).toThrow(/division by zero/);
    for (const bad of ["1e3", "1,5", "", "--1", "0x10", "1.2.3", " . "])
      expect(() => dec(bad)).toThrow(RangeError);
  });

  it("reads numerals with a sign, a leading point or a trailing point", () => {
    expect(dec("+.5").toString()).toBe("0.5");
    expect(dec("-.5").toString()).toBe("-0.5");
    expect(dec("12.").toString()).toBe("12");
    expect(dec(" 7 ").toString()).toBe("7");
  });
});
