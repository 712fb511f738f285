import { describe, expect, it } from "vitest";
import { evidenceObject, evidenceReplyText, evidenceText, isEvidenceObject } from "./evidence-values.ts";

describe("evidence readers", () => {
  it("read text and objects, and nothing from a mistyped value", () => {
    expect([evidenceText("5.1.1"), evidenceText(550), evidenceText(null), evidenceText({})]).toEqual([
      "5.1.1",
      "550",
      "",
      "",
    ]);
    expect(evidenceObject({ a: 1 })).toEqual({ a: 1 });
    expect([evidenceObject([1]), evidenceObject(null), evidenceObject("x")]).toEqual([{}, {}, {}]);
    expect([isEvidenceObject({}), isEvidenceObject([]), isEvidenceObject(null)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("give the relay's reply as one line of the parts present, else the error", () => {
    expect(evidenceReplyText({ reply: { code: 550, enhanced: "5.1.1", text: "User unknown" } })).toBe(
      "550 5.1.1 User unknown",
    );
    // The digest once wrote "550  no such user" (two spaces) for a reply without an enhanced code.
    expect(evidenceReplyText({ reply: { code: 550, text: "no such user" } })).toBe("550 no such user");
    expect(evidenceReplyText({ reply: null, error: "connect ECONNREFUSED" })).toBe("connect ECONNREFUSED");
    expect(evidenceReplyText({})).toBe("");
  });
});
