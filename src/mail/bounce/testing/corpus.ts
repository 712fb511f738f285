import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The shared bounce corpus, read by tests and never copied: `../shared/corpus/bounces` from the repository root
 * (this file is five levels below the directory that holds both).
 */
export const BOUNCE_CORPUS_DIR = fileURLToPath(
  new URL("../../../../../shared/corpus/bounces/", import.meta.url),
);

/** True when the corpus folder is present; tests that need it skip with a message otherwise. */
export const BOUNCE_CORPUS_PRESENT = existsSync(`${BOUNCE_CORPUS_DIR}expected.jsonl`);

/** One line of expected.jsonl: the reference reading of the n-th result of a file. */
export interface ExpectedResult {
  readonly file: string;
  readonly index: number;
  readonly status: string;
  readonly replycode: string;
  readonly reason: string;
  readonly hardbounce: boolean;
  readonly feedbacktype: string;
}

/** Every line of expected.jsonl. */
export function readExpected(): ExpectedResult[] {
  return readFileSync(`${BOUNCE_CORPUS_DIR}expected.jsonl`, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ExpectedResult);
}

/** Paths (`eml/name.eml`) of every corpus message file. */
export function corpusFiles(): string[] {
  return readdirSync(`${BOUNCE_CORPUS_DIR}eml`)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => `eml/${name}`);
}

/** The bytes of a corpus file, by its path inside the corpus (`eml/lhost-exim-01.eml`). */
export function readCorpusFile(path: string): Buffer {
  return readFileSync(`${BOUNCE_CORPUS_DIR}${path}`);
}
