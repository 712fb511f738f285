import { describe, expect, it } from "vitest";
import {
  EN16931_CORPUS_PRESENT,
  EN16931_SKIP_NOTE,
  en16931File,
  en16931Folder,
} from "../testing/en16931-corpus.ts";
import { readUbl } from "./read-ubl.ts";
import { comparableDocument } from "./testing/comparable-document.ts";
import { writeUbl } from "./write-ubl.ts";

const files = EN16931_CORPUS_PRESENT
  ? ["examples", "testfiles"].flatMap((dir) =>
      en16931Folder(dir)
        .filter((f) => /\.xml$/i.test(f))
        .map((f) => `${dir}/${f}`),
    )
  : [];

describe.skipIf(!EN16931_CORPUS_PRESENT)(`UBL round trip of the EN 16931 corpus${EN16931_SKIP_NOTE}`, () => {
  it("finds the complete example documents", () => {
    expect(files.length).toBeGreaterThanOrEqual(48);
  });

  it.each(files)("%s reads, writes back and reads to the same model", (file) => {
    const first = readUbl(en16931File(file));
    if (!first.ok) throw new Error(`${file}: ${first.error.message}`);
    const written = writeUbl(first.value);
    if (!written.ok) throw new Error(`${file}: ${written.error.message}`);
    const second = readUbl(written.value);
    if (!second.ok) throw new Error(`${file}: ${second.error.message}`);
    expect(comparableDocument(second.value)).toEqual(comparableDocument(first.value));
    expect(second.value.lines.length).toBeGreaterThan(0);
  });

  it.each(files)("%s writes the same bytes twice and again after a round trip", (file) => {
    const read = readUbl(en16931File(file));
    if (!read.ok) throw new Error(read.error.message);
    const once = writeUbl(read.value);
    const twice = writeUbl(read.value);
    if (!once.ok || !twice.ok) throw new Error("write failed");
    expect(twice.value).toBe(once.value);
    const reread = readUbl(once.value);
    if (!reread.ok) throw new Error(reread.error.message);
    const again = writeUbl(reread.value);
    expect(again.ok && again.value).toBe(once.value);
  });
});
