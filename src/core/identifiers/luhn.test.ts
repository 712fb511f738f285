import { describe, expect, it } from "vitest";
import { isLuhnValid, luhnChecksum } from "./luhn.ts";

describe("isLuhnValid", () => {
  it("accepts numbers with a valid Luhn check digit", () => {
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("784301772")).toBe(true);
  });

  it("refuses a changed digit and non-digits", () => {
    expect(isLuhnValid("79927398714")).toBe(false);
    expect(isLuhnValid("7992739871a")).toBe(false);
    expect(isLuhnValid("")).toBe(false);
  });

  it("computes the checksum the check digit must cancel", () => {
    expect(luhnChecksum("79927398710")).toBe(7);
  });
});
