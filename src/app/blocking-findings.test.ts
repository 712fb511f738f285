import { describe, expect, it } from "vitest";
import { blockingFindings } from "./blocking-findings.ts";
import type { DocumentFinding } from "./ports/document-validator.ts";

const finding = (rule: string, severity: DocumentFinding["severity"]): DocumentFinding => ({
  rule,
  severity,
  location: "/Invoice",
  message: rule,
});

describe("blockingFindings", () => {
  it("blocks on fatal EN 16931 findings always, on fatal Peppol ones over Peppol only, never on warnings", () => {
    const findings = [
      finding("BR-01", "fatal"),
      finding("BR-CO-15", "warning"),
      finding("PEPPOL-EN16931-R010", "fatal"),
    ];
    expect(blockingFindings(findings, "email").map((f) => f.rule)).toEqual(["BR-01"]);
    expect(blockingFindings(findings, "peppol").map((f) => f.rule)).toEqual(["BR-01", "PEPPOL-EN16931-R010"]);
    expect(blockingFindings([finding("BR-CO-15", "warning")], "peppol")).toEqual([]);
    expect(blockingFindings([], "email")).toEqual([]);
  });
});
