import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  enterpriseNumberCheckDigits,
  formatEnterpriseNumber,
  parseEnterpriseNumber,
} from "./enterprise-number.ts";

// Enterprise numbers of real Belgian companies, as found printed on invoices and websites.
const REAL_NUMBERS = [
  "0202.239.951",
  "0220.764.971",
  "0248.015.142",
  "0402 918 402",
  "0407.139.583",
  "0441.928.931",
  "0450 118 996",
  "0462423150",
  "0474 621 394",
  "0795 013 186",
  "0897290877",
  "0428759497",
];

describe("parseEnterpriseNumber", () => {
  it.each(REAL_NUMBERS)("accepts the real enterprise number %s", (text) => {
    const result = parseEnterpriseNumber(text);
    expect(result).toEqual({ ok: true, value: text.replace(/[ .]/g, "") });
  });

  it("normalises the BE prefix, dots, spaces and dashes away", () => {
    expect(parseEnterpriseNumber(" BE 0202.239.951 ")).toEqual({ ok: true, value: "0202239951" });
    expect(parseEnterpriseNumber("be0202-239-951")).toEqual({ ok: true, value: "0202239951" });
  });

  it("prefixes the legacy 9-digit form with 0", () => {
    expect(parseEnterpriseNumber("444.503.092")).toEqual({ ok: true, value: "0444503092" });
    expect(parseEnterpriseNumber("BE413562567")).toEqual({ ok: true, value: "0413562567" });
  });

  it("accepts numbers starting with 1, as the register's format allows", () => {
    const number = `10000000${enterpriseNumberCheckDigits("10000000")}`;
    expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
  });

  it("refuses a number whose check digits do not match", () => {
    const result = parseEnterpriseNumber("0202.239.952");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid-check-digits");
      expect(result.error.message).toContain("0202.239.952");
    }
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["02022399510", "invalid-length"],
    ["02022399", "invalid-length"],
    ["0202.239.95O", "invalid-characters"],
    ["2202239951", "invalid-format"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseEnterpriseNumber(text);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it("accepts every 0/1-prefixed number whose check digits are computed from its first eight digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[01][0-9]{7}$/), (firstEight) => {
        const number = `${firstEight}${enterpriseNumberCheckDigits(firstEight)}`;
        expect(parseEnterpriseNumber(formatEnterpriseNumber(number))).toEqual({ ok: true, value: number });
      }),
    );
  });

  it("refuses any single-digit change to a valid number", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^0[0-9]{7}$/),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (firstEight, position, delta) => {
          const digits = [...`${firstEight}${enterpriseNumberCheckDigits(firstEight)}`];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          expect(parseEnterpriseNumber(digits.join("")).ok).toBe(false);
        },
      ),
    );
  });
});

describe("enterpriseNumberCheckDigits", () => {
  it("gives 97 when the first eight digits are a multiple of 97", () => {
    expect(enterpriseNumberCheckDigits("00000097")).toBe("97");
    expect(enterpriseNumberCheckDigits("00000000")).toBe("97");
  });
});

describe("formatEnterpriseNumber", () => {
  it("writes the number as 0123.456.749", () => {
    expect(formatEnterpriseNumber("0123456749")).toBe("0123.456.749");
  });

  it("throws on a number that was not parsed first", () => {
    expect(() => formatEnterpriseNumber("123456749")).toThrow(RangeError);
  });
});
