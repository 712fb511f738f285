import { describe, expect, it } from "vitest";
import { PEPPOL_SCHEMES } from "./peppol-schemes.ts";

describe("PEPPOL_SCHEMES", () => {
  it("holds the 105 entries of the Peppol code list v9.7", () => {
    expect(PEPPOL_SCHEMES.size).toBe(105);
  });

  it("knows the Belgian schemes and their states", () => {
    expect(PEPPOL_SCHEMES.get("0208")).toEqual({
      icd: "0208",
      schemeId: "BE:EN",
      state: "active",
      registrable: true,
    });
    expect(PEPPOL_SCHEMES.get("9925")).toMatchObject({
      schemeId: "BE:VAT",
      state: "active",
      registrable: true,
    });
    expect(PEPPOL_SCHEMES.get("0193")).toMatchObject({ state: "deprecated", replacedBy: "0208" });
    expect(PEPPOL_SCHEMES.get("9956")).toMatchObject({
      state: "removed",
      registrable: false,
      replacedBy: "0208",
    });
  });

  it("marks every removed scheme as not registrable", () => {
    for (const scheme of PEPPOL_SCHEMES.values()) {
      if (scheme.state === "removed") expect(scheme.registrable, scheme.icd).toBe(false);
    }
  });

  it("uses four-digit ICDs as keys", () => {
    for (const [icd, scheme] of PEPPOL_SCHEMES) {
      expect(icd).toMatch(/^[0-9]{4}$/);
      expect(scheme.icd).toBe(icd);
    }
  });

  it("does not list 9903 or 9911, which the code list skips", () => {
    expect(PEPPOL_SCHEMES.has("9903")).toBe(false);
    expect(PEPPOL_SCHEMES.has("9911")).toBe(false);
  });
});
