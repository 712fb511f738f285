import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEmailAddress } from "./email-address.ts";

describe("parseEmailAddress", () => {
  it.each([
    ["invoices@example.be", "invoices@example.be"],
    ["  Marie.Dupont@Example.BE  ", "Marie.Dupont@example.be"],
    ["facturen+acme@boekhouding.example.nl", "facturen+acme@boekhouding.example.nl"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["a_b-c@sub-domain.example.co.uk", "a_b-c@sub-domain.example.co.uk"],
    ["x@example.museum", "x@example.museum"],
  ])("accepts %j as %j", (text, address) => {
    expect(parseEmailAddress(text)).toEqual({ ok: true, value: address });
  });

  it("keeps the local part's case, because RFC 5321 lets the receiving server treat it as case-sensitive", () => {
    expect(parseEmailAddress("Jean@EXAMPLE.be")).toEqual({ ok: true, value: "Jean@example.be" });
  });

  it("accepts Unicode local parts and domains (SMTPUTF8) and normalises them to NFC", () => {
    const decomposed = "comptabilite\u0301@socie\u0301te\u0301.example";
    expect(parseEmailAddress(decomposed)).toEqual({ ok: true, value: "comptabilité@société.example" });
    expect(parseEmailAddress("rechnung@MÜLLER.de")).toEqual({ ok: true, value: "rechnung@müller.de" });
    expect(parseEmailAddress("用户@例子.广告")).toEqual({ ok: true, value: "用户@例子.广告" });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["a@example.be\r\nBcc: x@evil.example", "line-break"],
    ["a@exam\nple.be", "line-break"],
    ["a\u0000b@example.be", "control-character"],
    ["a\u200bb@example.be", "control-character"],
    ["a b@example.be", "space"],
    ["a@example.be\u00a0x", "space"],
    ["a@example.be, b@example.be", "several-addresses"],
    ["a@example.be;b@example.be", "several-addresses"],
    ["Marie <marie@example.be>", "display-name"],
    ["<marie@example.be>", "display-name"],
    ['"marie dupont"@example.be', "quoted-local-part"],
    ['"marie"@example.be', "quoted-local-part"],
    ["marie.example.be", "missing-at"],
    ["a@b@example.be", "several-at"],
    ["@example.be", "invalid-local-part"],
    [".marie@example.be", "invalid-local-part"],
    ["marie.@example.be", "invalid-local-part"],
    ["ma..rie@example.be", "invalid-local-part"],
    ["ma(rie)@example.be", "invalid-local-part"],
    ["marie@localhost", "undotted-domain"],
    ["marie@", "undotted-domain"],
    ["marie@example.", "invalid-domain"],
    ["marie@.example.be", "invalid-domain"],
    ["marie@exa_mple.be", "invalid-domain"],
    ["marie@-example.be", "invalid-domain"],
    ["marie@example-.be", "invalid-domain"],
    ["marie@[192.168.0.1]", "invalid-domain"],
    ["marie@192.168.0.1", "invalid-domain"],
    [`${"a".repeat(65)}@example.be`, "too-long"],
    [`a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(60)}.be`, "too-long"],
  ])("refuses %j with %s", (text, code) => {
    const result = parseEmailAddress(text);
    expect(result.ok ? result.value : result.error.code).toBe(code);
  });

  it("counts the local part's limit in bytes, not characters", () => {
    expect(parseEmailAddress(`${"é".repeat(32)}@example.be`).ok).toBe(true);
    expect(parseEmailAddress(`${"é".repeat(33)}@example.be`).ok).toBe(false);
  });

  it("explains the refusal in a sentence naming the address", () => {
    const result = parseEmailAddress("Marie Dupont <marie@example.be>");
    expect(result.ok ? "" : result.error.message).toContain("Marie Dupont <marie@example.be>");
  });

  it("returns addresses that parse to themselves", () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/).filter((s) => !s.includes(".."));
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        local,
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,6}$/),
        (l, labels, tld) => {
          const first = parseEmailAddress(`${l}@${[...labels, tld].join(".").toUpperCase()}`);
          expect(first.ok).toBe(true);
          if (first.ok) expect(parseEmailAddress(first.value)).toEqual(first);
        },
      ),
    );
  });
});
