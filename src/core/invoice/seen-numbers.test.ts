import { describe, expect, it } from "vitest";
import { SeenNumbers } from "./seen-numbers.ts";

describe("SeenNumbers", () => {
  it("says whether a number was added before, across the table's growth", () => {
    const seen = new SeenNumbers();
    let fresh = 0;
    for (let i = 0; i < 300_000; i++) if (seen.add(`INV-${i}`)) fresh++;
    expect(fresh).toBe(300_000);
    let again = 0;
    for (let i = 0; i < 300_000; i += 7) if (!seen.add(`INV-${i}`)) again++;
    expect(again).toBe(Math.ceil(300_000 / 7));
    expect(seen.add("INV-300000")).toBe(true);
    expect(seen.add("inv-1")).toBe(true);
    expect(seen.size).toBe(300_002);
  });

  it("tells apart numbers that differ in one character or in spacing", () => {
    const seen = new SeenNumbers();
    for (const n of ["A1", "A2", "1A", "A1 ", "", "A10", "A01"]) expect(seen.add(n)).toBe(true);
    expect(seen.add("A1")).toBe(false);
  });
});
