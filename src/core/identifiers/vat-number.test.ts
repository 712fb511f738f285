import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enterpriseNumberCheckDigits } from "./enterprise-number.ts";
import { VAT_CHECK_DIGITS } from "./vat-check-digits.ts";
import { VAT_COUNTRIES, VAT_FORMATS } from "./vat-formats.ts";
import { parseVatNumber } from "./vat-number.ts";

// VAT numbers of real companies as they appear on invoices and websites, collected by python-stdnum's test suite.
const REAL_NUMBERS: Readonly<Record<string, readonly string[]>> = {
  AT: ["ATU 142 43 102", "ATU 15159209", "ATU 54300000", "ATU13585627", "ATU46080404", "ATU61195628"],
  BE: [
    "BE 0202.239.951",
    "BE 0402 918 402",
    "BE 0897290877",
    "BE0428759497",
    "BE 444.503.092",
    "BE413562567",
  ],
  BG: ["BG 103873594", "BG 124 551 319", "BG7111042925"],
  CY: ["CY 10246672X", "CY-10189098G"],
  CZ: ["CZ 25123891", "CZ 640903926", "CZ 6956220612"],
  DE: ["DE - 113866163", "DE 181 207 708", "DE 221.304.969", "DE 813 11 38 75", "DE136308783", "DE812847601"],
  DK: ["DK 10 50 32 80", "DK 2566 2202", "DK-27630308", "DK: 21599336", "DK36149213"],
  EE: ["EE 100 931 558", "EE 100523487", "EE101256753"],
  EL: ["EL 039868210", "EL 094012834", "EL-082857563", "EL: 094279805", "El 800 179 925", "EL 998722134"],
  ES: ["ES - Q0818001J", "ES 54362315K", "ES A-28184661", "ES B-58378431", "ES X-5253868-R", "ES Y5277343F"],
  FI: ["FI 02459042", "FI 0982651-1", "FI 2094606-3", "FI-214 95 540", "FI18261444"],
  FR: ["FR 40 303 265 045", "FR 84 323 140 392", "FR K 7399859412", "FR01712030113", "FR32000000330"],
  HU: ["HU 10672101", "HU-12892312"],
  IE: ["IE 6324720T", "IE 632 3420 C", "IE6433435IH", "IE8D79739I", "IE9Y71814N", "IE 8223200u"],
  IT: ["IT 00118439991", "IT 0 0 6 1 8 2 8 0 4 9 9", "IT-01626160210", "IT: 02331250163", "IT00743110157"],
  LT: ["LT 100001354118", "LT 119511515"],
  LU: ["LU 10059929", "LU 109 676 28", "LU.248.70.640", "LU: 2294 4200"],
  LV: ["LV 40003189718", "LV 5000 399 3021"],
  MT: ["MT 1039-6417", "MT 20630321"],
  NL: ["NL 806753742B01", "NL 8225.69.759 b01", "NL.0094.10.806.B.01", "NL001162938B28", "NL003376734B77"],
  PL: ["PL 5211355116", "PL 584-030-44-72", "PL 687-16-26-585", "PL-951-157-77-68", "PL5261025421"],
  PT: ["PT 500 019 720", "PT 500135.495", "PT-505 856 468", "PT503038083"],
  RO: ["RO 11358544", "RO 1822964", "RO 241 30 20"],
  SE: ["SE 202 100-5000 01", "SE 556.383.740.901", "SE-5562245190-01", "SE556043606401"],
  SI: ["SI 26808498", "SI-83815201"],
  SK: ["SK 1078449064", "SK 202 274 96 19"],
};

// The same kind of numbers with one digit changed, so that their check digits no longer match.
const MANGLED_NUMBERS = [
  "ATU 143 43 102",
  "ATU46080904",
  "BE 0406.139.583",
  "BE697449982",
  "DE 125014855",
  "DE 813 91 38 75",
  "DK 11 96 56 58",
  "DK10159817",
  "EE 100525487",
  "EE101256754",
  "EL 094013834",
  "EL094501140",
  "ES 54362415K",
  "ES-x-2322300w",
  "Es-a48951310",
  "FI 02459043",
  "FR 04409414264",
  "FR 21 326 565 603",
  "FR K 7399859312",
  "FR L 7399859412",
  "IT 00118439992",
  "LU 10059928",
  "NL 123456789B90",
  "NL806753743B01",
  "PL 5211355117",
  "PT 500 019 721",
  "SE 556058115901",
];

describe("parseVatNumber", () => {
  it("covers the 27 member states (EL for Greece) and XI, and no other prefix", () => {
    expect(VAT_COUNTRIES).toHaveLength(28);
    expect(VAT_COUNTRIES).toContain("EL");
    expect(VAT_COUNTRIES).toContain("XI");
    expect(VAT_COUNTRIES).not.toContain("GR");
    expect(VAT_COUNTRIES).not.toContain("GB");
  });

  for (const [country, numbers] of Object.entries(REAL_NUMBERS)) {
    it.each(numbers)(`accepts the real ${country} VAT number %s`, (text) => {
      const result = parseVatNumber(text);
      expect(result.ok ? result.value.slice(0, 2) : result.error.message).toBe(country);
    });
  }

  it.each(MANGLED_NUMBERS)("refuses %s, whose check digits do not match", (text) => {
    const result = parseVatNumber(text);
    expect(result.ok ? result.value : result.error.code).toBe("invalid-check-digits");
  });

  it("normalises to upper case without spaces, dots or dashes, keeping the prefix", () => {
    expect(parseVatNumber(" be 0202.239.951 ")).toEqual({ ok: true, value: "BE0202239951" });
    expect(parseVatNumber("nl 8225.69.759 b01")).toEqual({ ok: true, value: "NL822569759B01" });
    expect(parseVatNumber("es-x-2482300w")).toEqual({ ok: true, value: "ESX2482300W" });
  });

  it("pads the legacy short forms of Belgian, Greek and Dutch numbers", () => {
    expect(parseVatNumber("BE 444.503.092")).toEqual({ ok: true, value: "BE0444503092" });
    expect(parseVatNumber("EL 94051189")).toEqual({ ok: true, value: "EL094051189" });
    expect(parseVatNumber("NL4495445B01")).toEqual({ ok: true, value: "NL004495445B01" });
  });

  it("turns the ISO prefix GR into the VIES prefix EL", () => {
    expect(parseVatNumber("GR 094012834")).toEqual({ ok: true, value: "EL094012834" });
  });

  it("checks Dutch sole-trader numbers with the mod-97 rule introduced in 2020", () => {
    // The Belastingdienst's example of a new-style btw-id: "NL000099998B57" is 1 modulo 97 and fails the 11-proof.
    expect(parseVatNumber("NL000099998B57")).toEqual({ ok: true, value: "NL000099998B57" });
  });

  it("accepts the Northern Ireland layouts: 9 or 12 digits, government departments and health authorities", () => {
    expect(parseVatNumber("XI 123 4567 89")).toEqual({ ok: true, value: "XI123456789" });
    expect(parseVatNumber("XI123456789012")).toEqual({ ok: true, value: "XI123456789012" });
    expect(parseVatNumber("XIGD001")).toEqual({ ok: true, value: "XIGD001" });
    expect(parseVatNumber("XIHA500")).toEqual({ ok: true, value: "XIHA500" });
    expect(parseVatNumber("XIGD500").ok).toBe(false);
  });

  it("checks Croatian numbers on format only", () => {
    expect(parseVatNumber("HR 123 456 789 01")).toEqual({ ok: true, value: "HR12345678901" });
    expect(parseVatNumber("HR 123 456 789 0").ok).toBe(false);
  });

  it("refuses a number without a country prefix unless a default country is given", () => {
    expect(parseVatNumber("0202.239.951").ok).toBe(false);
    expect(parseVatNumber("0202.239.951", { defaultCountry: "BE" })).toEqual({
      ok: true,
      value: "BE0202239951",
    });
    expect(parseVatNumber("B-58378431", { defaultCountry: "ES" })).toEqual({
      ok: true,
      value: "ESB58378431",
    });
  });

  it("refuses numbers of countries outside VIES unless asked, and then only on a loose check", () => {
    const british = parseVatNumber("GB 980 7806 84");
    expect(british.ok ? british.value : british.error.message).toContain("XI");
    expect(parseVatNumber("GB 980 7806 84", { allowNonEu: true })).toEqual({
      ok: true,
      value: "GB980780684",
    });
    expect(parseVatNumber("CHE-123.456.788 MWST", { allowNonEu: true })).toEqual({
      ok: true,
      value: "CHE123456788MWST",
    });
    expect(parseVatNumber("QQ123456", { allowNonEu: true }).ok).toBe(false);
  });

  it.each([
    ["", "empty"],
    ["BE", "invalid-format"],
    ["BE 2202.239.951", "invalid-format"],
    ["DE 12345678", "invalid-format"],
    ["NL 806753742801", "invalid-format"],
    ["SE 556058115802", "invalid-format"],
    ["FR IO334175221", "invalid-format"],
    ["1234567", "unknown-country"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseVatNumber(text);
    expect(result.ok ? result.value : result.error.code).toBe(code);
  });

  it("names the expected layout in its format errors", () => {
    const result = parseVatNumber("NL 1234");
    expect(result.ok ? "" : result.error.message).toContain("9 digits, B and 2 digits");
  });

  it("accepts every Belgian number whose check digits follow the enterprise number rule, and only those", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[01][0-9]{7}$/),
        fc.integer({ min: 0, max: 99 }),
        (firstEight, check) => {
          const candidate = `BE${firstEight}${String(check).padStart(2, "0")}`;
          const valid = enterpriseNumberCheckDigits(firstEight) === String(check).padStart(2, "0");
          expect(parseVatNumber(candidate).ok).toBe(valid);
        },
      ),
    );
  });

  it("returns output that parses to itself", () => {
    const everyNumber = Object.values(REAL_NUMBERS).flat();
    for (const text of everyNumber) {
      const first = parseVatNumber(text);
      if (first.ok) expect(parseVatNumber(first.value)).toEqual(first);
    }
  });
});

describe("VAT_CHECK_DIGITS", () => {
  it("covers at least BE, NL, DE, FR, LU, IT and ES", () => {
    for (const country of ["BE", "NL", "DE", "FR", "LU", "IT", "ES"] as const) {
      expect(VAT_CHECK_DIGITS[country]).toBeTypeOf("function");
    }
  });

  it("catches most single-digit typing errors in a valid German number", () => {
    let caught = 0;
    const valid = "136308783";
    for (let position = 0; position < 9; position++) {
      for (let digit = 0; digit < 10; digit++) {
        const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        if (typo !== valid && VAT_FORMATS.DE.test(typo) && !VAT_CHECK_DIGITS.DE?.(typo)) caught++;
      }
    }
    expect(caught).toBe(81);
  });
});
