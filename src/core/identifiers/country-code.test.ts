import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, isCountryCode } from "./country-code.ts";

describe("COUNTRY_CODES", () => {
  it("holds the 249 officially assigned ISO 3166-1 alpha-2 codes", () => {
    expect(COUNTRY_CODES.size).toBe(249);
  });

  it("holds only codes that the runtime's Unicode data names as regions", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });

  it("knows Belgium and its neighbours but not EL, UK or XK", () => {
    for (const code of ["BE", "NL", "FR", "DE", "LU", "GR", "GB"]) expect(isCountryCode(code)).toBe(true);
    for (const code of ["EL", "UK", "XK", "be", "BEL"]) expect(isCountryCode(code)).toBe(false);
  });
});
