import { describe, expect, it } from "vitest";
import { parseBic } from "./bic.ts";

describe("parseBic", () => {
  it.each([
    ["GKCCBEBB", "GKCCBEBB"],
    ["gebabebb", "GEBABEBB"],
    ["KRED BE BB", "KREDBEBB"],
    ["BBRUBEBB010", "BBRUBEBB010"],
    ["DEUTDEFF500", "DEUTDEFF500"],
    ["RBKOXKPR", "RBKOXKPR"],
  ])("accepts %s as %s", (text, bic) => {
    expect(parseBic(text)).toEqual({ ok: true, value: bic });
  });

  it.each([
    ["", "empty"],
    ["GKCCBEB", "invalid-length"],
    ["GKCCBEBB01", "invalid-length"],
    ["GKCC1EBB", "invalid-format"],
    ["GKCCBEBB-01", "invalid-format"],
    ["GKCCQQBB", "unknown-country"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseBic(text);
    expect(result.ok ? result.value : result.error.code).toBe(code);
  });
});
