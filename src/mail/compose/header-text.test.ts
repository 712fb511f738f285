import { describe, expect, it } from "vitest";
import { cleanHeaderText, hasControlCharacter } from "./header-text.ts";

describe("cleanHeaderText", () => {
  it("turns line breaks, controls, bidi overrides and separators into single spaces", () => {
    expect(cleanHeaderText("Evil\r\nBcc: x@y")).toBe("Evil Bcc: x@y");
    expect(cleanHeaderText(" Marie\u0000\u202eDupont\u2028\u2029 ")).toBe("Marie Dupont");
    expect(cleanHeaderText("a\t\t b")).toBe("a b");
  });

  it("keeps accented and non-Latin names, composed to NFC", () => {
    expect(cleanHeaderText("Ze\u0301lie Ørsted 山田")).toBe("Zélie Ørsted 山田");
  });

  it("cuts to the given length in code points without splitting a character", () => {
    expect(cleanHeaderText("😀".repeat(10), 3)).toBe("😀😀😀");
  });
});

describe("hasControlCharacter", () => {
  it("finds CR, LF, NUL, DEL, C1 controls and line separators, not ordinary text", () => {
    for (const bad of ["a\rb", "a\nb", "a\0", "a\u007f", "a\u0085", "a\u2028"])
      expect(hasControlCharacter(bad)).toBe(true);
    expect(hasControlCharacter("INV-2024/001 é")).toBe(false);
  });
});
