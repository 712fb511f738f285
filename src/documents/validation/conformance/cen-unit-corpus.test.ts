import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { implementedRules } from "../validate-document.ts";
import { runConformance } from "./run-conformance.ts";

const CORPUS = "../shared/corpus/en16931/unit";
const DIRECTORIES = [`${CORPUS}/invoice`, `${CORPUS}/creditnote`];

describe.skipIf(!existsSync(CORPUS))("the CEN EN 16931 UBL unit test corpus", () => {
  it("agrees with every assertion on an implemented rule", () => {
    const report = runConformance(DIRECTORIES);
    const disagreements = report.disagreements.map((d) => {
      const file = d.file.split("/").slice(-2).join("/");
      return `${file}#${d.test} ${d.rule}: expected ${d.expected}, got ${d.actual}`;
    });
    const cenNotImplemented = [...report.notImplemented].map(([rule, n]) => `${rule} (${n})`);
    console.log(
      [
        `implemented rules: ${implementedRules().length}`,
        `corpus: ${report.files} files, ${report.tests} tests`,
        `assertions on implemented rules: ${report.covered}, agreed: ${report.agreed}`,
        `CEN rules in the corpus not implemented: ${cenNotImplemented.join(", ") || "none"}`,
      ].join("\n"),
    );
    expect(report.tests).toBe(1131);
    expect(cenNotImplemented).toEqual([]);
    expect(disagreements).toEqual([]);
    expect(report.agreed).toBe(report.covered);
  });
});
