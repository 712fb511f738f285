import { describe, expect, it } from "vitest";
import { dec } from "./decimal.ts";

describe("dec", () => {
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
  });
});
