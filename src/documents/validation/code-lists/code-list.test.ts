import { describe, expect, it } from "vitest";
import { codeList, inList } from "./code-list.ts";

describe("inList", () => {
  it("reads a code as normalize-space does: surrounding whitespace dropped, inner whitespace refused", () => {
    const list = codeList("S Z AE");
    expect(inList(list, "AE")).toBe(true);
    expect(inList(list, " AE\t")).toBe(true);
    expect(inList(list, "\u00a0S\u00a0")).toBe(true);
    expect(inList(list, "A E")).toBe(false);
    expect(inList(list, "E")).toBe(false);
    expect(inList(list, "")).toBe(false);
  });

  it("refuses a value whose normalised form has a space even when the list holds it", () => {
    const list: ReadonlySet<string> = new Set(["A B"]);
    expect(inList(list, "A B")).toBe(false);
    expect(inList(list, " A  B ")).toBe(false);
  });
});
