import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { RecordSourceError } from "../app/ports/record-source-error.ts";
import { SYNC_READS } from "./sync-reads.ts";
import { Utf8Check } from "./utf8-check.ts";

/** One record of a JSON or JSON Lines file with the place it came from (`$.customers[3]` or line `4`). */
export interface JsonRecord {
  /** JSON path prefix for field errors, e.g. `$.invoices[2]` or `$` for a JSON Lines record. */
  readonly path: string;
  /** Line number for JSON Lines; undefined for a whole JSON document. */
  readonly line?: number;
  readonly value: unknown;
  /** Set when this line of a JSON Lines file is not JSON; the reader goes on so every bad line is reported. */
  readonly syntaxError?: string;
}

/**
 * A whole JSON document is parsed in memory, so it is capped; larger imports use JSON Lines (`.jsonl`), one record
 * per line, which streams in constant memory.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Reads the records of a JSON import: either a `.jsonl` file (one object per line, streamed) or a `.json` document that
 * is an array of records or an object with the array under `key` (e.g. `{"customers": [...]}`).
 */
export async function* readJsonRecords(path: string, key: string): AsyncGenerator<JsonRecord> {
  const source = basename(path);
  const size = (await stat(path)).size;
  if (size === 0) throw new RecordSourceError({ source, message: "the file is empty" });
  if (path.endsWith(".jsonl") || path.endsWith(".ndjson")) {
    yield* readJsonLines(path, source);
    return;
  }
  if (size > MAX_JSON_BYTES) {
    throw new RecordSourceError({
      source,
      message: `a .json import is limited to ${MAX_JSON_BYTES / 1024 / 1024} MB; use JSON Lines (.jsonl) for large files`,
    });
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RecordSourceError({ source, message: "the file is not UTF-8 text" });
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new RecordSourceError({ source, message: `not valid JSON: ${(error as Error).message}` });
  }
  const list = Array.isArray(document) ? document : (document as Record<string, unknown> | null)?.[key];
  const prefix = Array.isArray(document) ? "$" : `$.${key}`;
  if (!Array.isArray(list)) {
    throw new RecordSourceError({
      source,
      at: "$",
      message: `expected an array, or an object with a "${key}" array`,
    });
  }
  if (list.length === 0) throw new RecordSourceError({ source, at: prefix, message: "no records" });
  for (let i = 0; i < list.length; i++) yield { path: `${prefix}[${i}]`, value: list[i] };
}

async function* readJsonLines(path: string, source: string): AsyncGenerator<JsonRecord> {
  const input = createReadStream(path, { fs: SYNC_READS }).pipe(new Utf8Check(source));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let records = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = (line === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (text === "") continue;
      records++;
      yield parseLine(text, line);
    }
  } finally {
    input.destroy();
  }
  if (records === 0) throw new RecordSourceError({ source, message: "no records" });
}

function parseLine(text: string, line: number): JsonRecord {
  try {
    return { path: "$", line, value: JSON.parse(text) };
  } catch (error) {
    return { path: "$", line, value: undefined, syntaxError: `not valid JSON: ${(error as Error).message}` };
  }
}
