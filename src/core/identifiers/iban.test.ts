import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIban, parseIban } from "./iban.ts";
import { IBAN_FORMATS, ibanLength } from "./iban-formats.ts";
import { mod97Alphanumeric } from "./mod97.ts";

// The example IBANs of the SWIFT IBAN registry, one per country.
const REGISTRY_EXAMPLES = [
  "AD1200012030200359100100",
  "AT611904300234573201",
  "BE68539007547034",
  "BG80BNBG96611020345678",
  "CH9300762011623852957",
  "CY17002001280000001200527600",
  "CZ6508000000192000145399",
  "DE89370400440532013000",
  "DK5000400440116243",
  "EE382200221020145685",
  "ES9121000418450200051332",
  "FI2112345600000785",
  "FR1420041010050500013M02606",
  "GB29NWBK60161331926819",
  "GI75NWBK000000007099453",
  "GR1601101250000000012300695",
  "HR1210010051863000160",
  "HU42117730161111101800000000",
  "IE29AIBK93115212345678",
  "IS140159260076545510730339",
  "IT60X0542811101000000123456",
  "LI21088100002324013AA",
  "LT121000011101001000",
  "LU280019400644750000",
  "LV80BANK0000435195001",
  "MC5811222000010123456789030",
  "MT84MALT011000012345MTLCAST001S",
  "NL91ABNA0417164300",
  "NO9386011117947",
  "PL61109010140000071219812874",
  "PT50000201231234567890154",
  "RO49AAAA1B31007593840000",
  "SE4550000000058398257466",
  "SI56263300012039086",
  "SK3112000000198742637541",
  "SM86U0322509800000000270100",
  "VA59001123000012345678",
];

describe("parseIban", () => {
  it.each(REGISTRY_EXAMPLES)("accepts the registry example %s", (iban) => {
    expect(parseIban(iban)).toEqual({ ok: true, value: iban });
  });

  it("has a length for every SEPA country", () => {
    const sepa =
      "AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT RO SE SI SK SM VA";
    for (const country of sepa.split(" ")) expect(IBAN_FORMATS[country], country).toBeDefined();
    expect(ibanLength(IBAN_FORMATS.BE ?? "")).toBe(16);
    expect(ibanLength(IBAN_FORMATS.MT ?? "")).toBe(31);
  });

  it("accepts the printed form with spaces, lower case and an IBAN label", () => {
    expect(parseIban(" be68 5390 0754 7034 ")).toEqual({ ok: true, value: "BE68539007547034" });
    expect(parseIban("IBAN: BE68 5390 0754 7034")).toEqual({ ok: true, value: "BE68539007547034" });
  });

  it.each([
    ["", "empty"],
    ["BE68 5390 0754 703", "invalid-length"],
    ["BE68 5390 0754 70345", "invalid-length"],
    ["BE68 5390 0754 7035", "invalid-check-digits"],
    ["BE69 5390 0754 7034", "invalid-check-digits"],
    ["NL91 ABNA 0417 1643 0O", "invalid-format"],
    ["BE68-5390-0754-7034!", "invalid-characters"],
    ["ZZ68539007547034", "unknown-country"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseIban(text);
    expect(result.ok ? result.value : result.error.code).toBe(code);
  });

  it("refuses a Belgian IBAN whose national account check fails even when the IBAN check passes", () => {
    // 539007547035 breaks the account check; the IBAN check digits are recomputed so that only that rule can catch it.
    const bban = "539007547035";
    const check = String(98 - mod97Alphanumeric(`${bban}BE00`)).padStart(2, "0");
    const result = parseIban(`BE${check}${bban}`);
    expect(result.ok ? result.value : result.error.code).toBe("invalid-check-digits");
  });

  it("accepts IBANs of registry countries outside its table on the generic rule", () => {
    const bban = "0019000500000000263180002";
    const check = String(98 - mod97Alphanumeric(`${bban}EG00`)).padStart(2, "0");
    expect(parseIban(`EG${check}${bban}`)).toEqual({ ok: true, value: `EG${check}${bban}` });
  });

  it("refuses any swap of two different adjacent digits in a valid IBAN", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGISTRY_EXAMPLES), fc.nat(), (iban, seed) => {
        const position = 4 + (seed % (iban.length - 5));
        const [a, b] = [iban[position], iban[position + 1]];
        fc.pre(a !== b && /^[0-9]{2}$/.test(`${a}${b}`));
        const swapped = `${iban.slice(0, position)}${b}${a}${iban.slice(position + 2)}`;
        expect(parseIban(swapped).ok).toBe(false);
      }),
    );
  });
});

describe("formatIban", () => {
  it("writes the IBAN in groups of four", () => {
    expect(formatIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
    expect(formatIban("FR1420041010050500013M02606")).toBe("FR14 2004 1010 0505 0001 3M02 606");
  });

  it("gives back the same IBAN when parsed again", () => {
    for (const iban of REGISTRY_EXAMPLES)
      expect(parseIban(formatIban(iban))).toEqual({ ok: true, value: iban });
  });

  it("throws on text that was not parsed first", () => {
    expect(() => formatIban("be68 5390")).toThrow(RangeError);
  });
});
