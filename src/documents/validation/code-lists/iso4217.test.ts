import { describe, expect, it } from "vitest";
import { isCurrencyCode } from "../../../core/money/currency.ts";
import { inList } from "./code-list.ts";
import { ISO_4217 } from "./iso4217.ts";

describe("ISO_4217 (BR-CL-03/04/05)", () => {
  it("accepts exactly what the core accepts at the edge: current codes in, withdrawn ones out", () => {
    for (const code of ["EUR", "MRU", "STN", "UYW", "XCG"]) {
      expect(isCurrencyCode(code)).toBe(true);
      expect(inList(ISO_4217, code)).toBe(true);
    }
    for (const code of ["MRO", "STD", "EURO", "eur"]) {
      expect(isCurrencyCode(code)).toBe(false);
      expect(inList(ISO_4217, code)).toBe(false);
    }
  });
});
