import { describe, expect, it } from "vitest";
import { classifyMailbox } from "../classify-bounce.ts";
import { BOUNCE_CORPUS_DIR, BOUNCE_CORPUS_PRESENT } from "../testing/corpus.ts";
import { sampleMessage } from "../testing/sample-message.ts";
import { BOUNCE_RULES } from "./bounce-rules.ts";

describe("the bounce rules table", () => {
  it("gives every rule a unique id, a sentence of description and a sample", () => {
    const ids = BOUNCE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BOUNCE_RULES) {
      expect(rule.description, rule.id).toMatch(/^[A-Z"'(].*\.$/);
      expect(rule.sample, rule.id).toMatch(/^(?:eml\/.+\.eml|smtp:.+|unix:.+|ses:\w+\/\w+)$/);
    }
  });

  it("ends with a rule that always decides", () => {
    expect(BOUNCE_RULES.at(-1)?.when).toEqual({});
  });
});

const corpusNote = BOUNCE_CORPUS_PRESENT ? "" : ` (corpus samples skipped: ${BOUNCE_CORPUS_DIR} is absent)`;

describe(`each bounce rule decides its real sample${corpusNote}`, () => {
  for (const rule of BOUNCE_RULES) {
    const needsCorpus = rule.sample.startsWith("eml/");
    it.skipIf(needsCorpus && !BOUNCE_CORPUS_PRESENT)(
      `${rule.description} [${rule.id}: ${rule.sample}]`,
      () => {
        const results = classifyMailbox(sampleMessage(rule.sample)).flatMap((report) => report.results);
        const decided = results.find((result) => result.rule === rule.id);
        expect(decided, `rules that decided instead: ${results.map((r) => r.rule).join(", ")}`).toBeDefined();
        if (decided !== undefined && rule.reason !== "by-status") expect(decided.reason).toBe(rule.reason);
      },
    );
  }
});
