import { describe, expect, it } from "vitest";
import { normalized } from "./text.ts";

describe("normalized", () => {
  it("collapses exactly the characters of \\s, as the regular expression did", () => {
    const viaRegExp = (v: string) => (/\s/.test(v) ? v.trim().replace(/\s+/g, " ") : v);
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const value of [c, `a${c}b`, ` S${c}${c}`]) expect(normalized(value)).toBe(viaRegExp(value));
    }
    expect(normalized(undefined)).toBe("");
    expect(normalized(" \u00a0S\u3000 ")).toBe("S");
  });
});
