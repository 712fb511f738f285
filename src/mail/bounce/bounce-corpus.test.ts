import { describe, expect, it } from "vitest";
import { classifyMailbox } from "./classify-bounce.ts";
import {
  BOUNCE_CORPUS_DIR,
  BOUNCE_CORPUS_PRESENT,
  corpusFiles,
  readCorpusFile,
  readExpected,
} from "./testing/corpus.ts";
import type { BounceResult } from "./types.ts";

const title = BOUNCE_CORPUS_PRESENT
  ? "the shared bounce corpus"
  : `the shared bounce corpus (skipped: ${BOUNCE_CORPUS_DIR} is absent)`;

/** Every result of a file, in order, across the messages of an mbox. */
function resultsOf(raw: Buffer): BounceResult[] {
  return classifyMailbox(raw).flatMap((report) => report.results);
}

describe.skipIf(!BOUNCE_CORPUS_PRESENT)(title, () => {
  const expected = BOUNCE_CORPUS_PRESENT ? readExpected() : [];
  const files = BOUNCE_CORPUS_PRESENT ? corpusFiles() : [];
  const results = new Map(files.map((file) => [file, resultsOf(readCorpusFile(file))]));
  const pairs = expected.map((e) => ({ e, r: results.get(e.file)?.[e.index - 1] }));

  it("agrees with the reference reason on at least 95% of the expected results", () => {
    const wrong = pairs.filter(({ e, r }) => r?.reason !== e.reason);
    const agreement = 1 - wrong.length / pairs.length;
    const listing = wrong.map(({ e, r }) => `${e.file}#${e.index}: ${e.reason} != ${r?.reason} (${r?.rule})`);
    expect(agreement, listing.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("agrees with the reference hard/soft split on at least 98% of the expected results", () => {
    const wrong = pairs.filter(({ e, r }) => (r?.hard ?? false) !== e.hardbounce);
    const listing = wrong.map(({ e, r }) => `${e.file}#${e.index}: hard ${e.hardbounce} != ${r?.hard}`);
    expect(1 - wrong.length / pairs.length, listing.join("\n")).toBeGreaterThanOrEqual(0.98);
  });

  it("classifies no auto-reply or complaint as a hard bounce", () => {
    const quiet = pairs.filter(({ e }) => e.reason === "vacation" || e.reason === "feedback");
    expect(quiet.length).toBeGreaterThan(0);
    for (const { e, r } of quiet) expect(r?.hard, `${e.file}#${e.index}`).toBe(false);
    for (const [file, list] of results) {
      for (const r of list) {
        if (r.reason === "vacation" || r.reason === "feedback" || r.reason === "delivered") {
          expect(r.hard, file).toBe(false);
        }
      }
    }
  });

  it("gives the same results for every file in its CR-only and CRLF variants", () => {
    for (const file of files) {
      const lf = readCorpusFile(file).toString("latin1").replace(/\r\n?/g, "\n");
      const reference = JSON.stringify(resultsOf(Buffer.from(lf, "latin1")));
      const crlf = JSON.stringify(resultsOf(Buffer.from(lf.replace(/\n/g, "\r\n"), "latin1")));
      const cr = JSON.stringify(resultsOf(Buffer.from(lf.replace(/\n/g, "\r"), "latin1")));
      expect(crlf, `${file} (CRLF)`).toBe(reference);
      expect(cr, `${file} (CR)`).toBe(reference);
    }
  });

  it("finds the original Message-ID in most bounces that quote the original", () => {
    const withId = [...results.values()].filter((list) => list.some((r) => r.originalMessageId !== ""));
    expect(withId.length / results.size).toBeGreaterThan(0.8);
  });
});
