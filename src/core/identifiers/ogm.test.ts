import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOgm, generateOgm, ogmCheckDigits, parseOgm } from "./ogm.ts";

describe("generateOgm", () => {
  it("appends the base modulo 97 as check digits", () => {
    expect(generateOgm("1234567890")).toEqual({ ok: true, value: "123456789002" });
    expect(generateOgm(1234567890n)).toEqual({ ok: true, value: "123456789002" });
  });

  it("pads a short base, such as an invoice sequence number, with zeros", () => {
    expect(generateOgm(42n)).toEqual({ ok: true, value: "000000004242" });
    expect(generateOgm("2026000123")).toEqual({
      ok: true,
      value: `2026000123${ogmCheckDigits("2026000123")}`,
    });
  });

  it("uses 97, not 00, as check digits when the base is a multiple of 97", () => {
    expect(generateOgm(97n)).toEqual({ ok: true, value: "000000009797" });
    expect(generateOgm(9700000000n)).toEqual({ ok: true, value: "970000000097" });
    expect(generateOgm(0n)).toEqual({ ok: true, value: "000000000097" });
  });

  it.each([[-1n], [10_000_000_000n], ["12345678901"], ["12a"], [""], ["-5"]])(
    "refuses the base %s",
    (base) => {
      const result = generateOgm(base);
      expect(result.ok ? result.value : result.error.code).toBe("out-of-range");
    },
  );
});

describe("parseOgm", () => {
  it.each([
    "+++123/4567/89002+++",
    "***123/4567/89002***",
    "123/4567/89002",
    "123456789002",
    " +++ 123 / 4567 / 89002 +++ ",
    "123 4567 89002",
  ])("reads the spelling %j", (text) => {
    expect(parseOgm(text)).toEqual({ ok: true, value: "123456789002" });
  });

  it("accepts check digits 97 for a base that is a multiple of 97", () => {
    expect(parseOgm("+++000/0000/09797+++")).toEqual({ ok: true, value: "000000009797" });
  });

  it("refuses 00 as check digits, which the rule never produces", () => {
    const result = parseOgm("+++000/0000/09700+++");
    expect(result.ok ? result.value : result.error).toMatchObject({
      code: "invalid-check-digits",
      expected: "97",
    });
  });

  it("says which check digits were expected", () => {
    const result = parseOgm("+++123/4567/89003+++");
    expect(result.ok ? result.value : result.error).toMatchObject({
      code: "invalid-check-digits",
      expected: "02",
    });
    expect(result.ok ? "" : result.error.message).toContain("call for 02");
  });

  it.each([
    ["", "empty"],
    ["+++123/4567/8900+++", "invalid-length"],
    ["1234567890023", "invalid-length"],
    ["+++123/4567/89O02+++", "invalid-characters"],
    ["+++123/4567/89002***", "invalid-characters"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseOgm(text);
    expect(result.ok ? result.value : result.error.code).toBe(code);
  });

  it("reads back every generated communication, formatted or not", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999n }), (base) => {
        const generated = generateOgm(base);
        expect(generated.ok).toBe(true);
        if (generated.ok) {
          expect(parseOgm(generated.value)).toEqual(generated);
          expect(parseOgm(formatOgm(generated.value))).toEqual(generated);
        }
      }),
    );
  });

  it("never produces 00 as check digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999n }), (base) => {
        const generated = generateOgm(base);
        expect(generated.ok && generated.value.endsWith("00")).toBe(false);
      }),
    );
  });
});

describe("formatOgm", () => {
  it("writes +++123/4567/89002+++", () => {
    expect(formatOgm("123456789002")).toBe("+++123/4567/89002+++");
  });

  it("throws on text that was not parsed first", () => {
    expect(() => formatOgm("123/4567/89002")).toThrow(RangeError);
  });
});
