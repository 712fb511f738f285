import { describe, expect, it } from "vitest";
import { EN16931_CORPUS_PRESENT, EN16931_SKIP_NOTE, en16931Path } from "../../testing/en16931-corpus.ts";
import { implementedRules } from "../validate-document.ts";
import { runConformance } from "./run-conformance.ts";

const DIRECTORIES = [en16931Path("unit/invoice"), en16931Path("unit/creditnote")];

describe.skipIf(!EN16931_CORPUS_PRESENT)(`the CEN EN 16931 UBL unit test corpus${EN16931_SKIP_NOTE}`, () => {
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
