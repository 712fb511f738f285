import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mod97, mod97Alphanumeric } from "./mod97.ts";

describe("mod97", () => {
  it("matches bigint arithmetic for digit strings of any length", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,60}$/), (digits) => {
        expect(mod97(digits)).toBe(Number(BigInt(digits) % 97n));
      }),
    );
  });
});

describe("mod97Alphanumeric", () => {
  it("gives 1 for a valid LEI", () => {
    expect(mod97Alphanumeric("5299000J2N45DDNE4Y28")).toBe(1);
  });

  it("counts A as 10 and Z as 35", () => {
    expect(mod97Alphanumeric("A")).toBe(10);
    expect(mod97Alphanumeric("Z")).toBe(35);
  });
});
