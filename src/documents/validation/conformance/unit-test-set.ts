import { readFileSync } from "node:fs";
import { parseXml } from "../../ubl/parse-xml.ts";
import type { XmlElement } from "../../ubl/xml-element.ts";

/** What a corpus test expects of one rule. */
export type Expectation = "success" | "error" | "warning";

/** One `<test>` of a CEN unit test set: the assertions and the UBL document or fragment they apply to. */
export interface UnitTest {
  readonly file: string;
  /** 1-based position of the test in its file. */
  readonly index: number;
  readonly asserts: readonly { readonly rule: string; readonly expect: Expectation }[];
  /** The Invoice or CreditNote element (possibly a fragment); undefined when the test holds none. */
  readonly document: XmlElement | undefined;
}

const EXPECTATIONS: ReadonlySet<string> = new Set(["success", "error", "warning"]);

/**
 * Reads a CEN `testSet` file (`<testSet><test><assert>…</assert><Invoice>…</Invoice></test>…`) into its tests.
 * Throws when the file is not such a test set: the corpus is fixed input, so a surprise is a defect to see.
 */
export function readUnitTestSet(path: string): UnitTest[] {
  const parsed = parseXml(readFileSync(path));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  const tests = parsed.value.children.filter((c) => c.name === "test");
  return tests.map((test, i) => {
    const assert = test.children.find((c) => c.name === "assert");
    const asserts = (assert?.children ?? [])
      .filter((c) => EXPECTATIONS.has(c.name))
      .map((c) => ({ rule: c.text.trim(), expect: c.name as Expectation }));
    const document = test.children.find((c) => c.name !== "assert");
    return { file: path, index: i + 1, asserts, document };
  });
}
