import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readUblElement } from "../../ubl/read-ubl.ts";
import { validateUblSyntax } from "../syntax/validate-ubl-syntax.ts";
import { implementedRules, validateDocument } from "../validate-document.ts";
import { type Expectation, readUnitTestSet } from "./unit-test-set.ts";

/** One corpus assertion on an implemented rule that the validator does not satisfy. */
export interface Disagreement {
  readonly file: string;
  readonly test: number;
  readonly rule: string;
  readonly expected: Expectation;
  /** What the validator did: the severities it reported for the rule, or why the test could not run. */
  readonly actual: string;
}

/** The outcome of running the validator over the CEN unit corpus. */
export interface ConformanceReport {
  readonly files: number;
  readonly tests: number;
  /** Assertions naming an implemented rule. */
  readonly covered: number;
  readonly agreed: number;
  readonly disagreements: readonly Disagreement[];
  /** Rules named by the corpus that the validator does not implement, with their number of assertions. */
  readonly notImplemented: ReadonlyMap<string, number>;
}

function agrees(expect: Expectation, severities: readonly string[]): boolean {
  if (expect === "success") return severities.length === 0;
  return severities.includes(expect === "error" ? "fatal" : "warning");
}

/** Runs every test of every `*.xml` test set under the given directories. */
export function runConformance(directories: readonly string[]): ConformanceReport {
  const implemented = new Set(implementedRules().map((r) => r.id));
  const disagreements: Disagreement[] = [];
  const notImplemented = new Map<string, number>();
  let files = 0;
  let tests = 0;
  let covered = 0;
  for (const directory of directories) {
    for (const name of readdirSync(directory)
      .filter((n) => n.endsWith(".xml"))
      .sort()) {
      files += 1;
      for (const test of readUnitTestSet(join(directory, name))) {
        tests += 1;
        const relevant = test.asserts.filter((a) => implemented.has(a.rule));
        for (const a of test.asserts) {
          if (!implemented.has(a.rule)) notImplemented.set(a.rule, (notImplemented.get(a.rule) ?? 0) + 1);
        }
        if (relevant.length === 0) continue;
        covered += relevant.length;
        const read = test.document ? readUblElement(test.document) : undefined;
        const findings =
          read?.ok && test.document
            ? [...validateDocument(read.value), ...validateUblSyntax(test.document)]
            : undefined;
        for (const a of relevant) {
          const severities = findings?.filter((f) => f.rule === a.rule).map((f) => f.severity);
          if (severities && agrees(a.expect, severities)) continue;
          const actual = severities
            ? severities.length === 0
              ? "no finding"
              : severities.join(",")
            : `not read: ${read && !read.ok ? read.error.message : "no document"}`;
          disagreements.push({
            file: join(directory, name),
            test: test.index,
            rule: a.rule,
            expected: a.expect,
            actual,
          });
        }
      }
    }
  }
  return { files, tests, covered, agreed: covered - disagreements.length, disagreements, notImplemented };
}
