import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { RecordSourceError } from "../app/ports/record-source-error.ts";
import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { jsonLocator } from "./json-locator.ts";
import { readJsonRecords } from "./json-records.ts";

/**
 * Chooses the reader by file extension. Shared by every import kind: CSV has a reader per kind, JSON and JSON Lines
 * share one whose records sit under `key`.
 */
export async function* readRecords(
  path: string,
  key: string,
  csv: (path: string) => AsyncGenerator<SourcedRecord>,
): AsyncGenerator<SourcedRecord> {
  const source = basename(path);
  const info = await stat(path).catch(() => null);
  if (info === null) throw new RecordSourceError({ source, message: `no such file: ${path}` });
  if (!info.isFile()) throw new RecordSourceError({ source, message: `not a file: ${path}` });
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    yield* csv(path);
    return;
  }
  if (ext !== ".json" && ext !== ".jsonl" && ext !== ".ndjson") {
    throw new RecordSourceError({ source, message: `unknown file type "${ext}": use .csv, .json or .jsonl` });
  }
  for await (const record of readJsonRecords(path, key)) {
    yield {
      source,
      raw: record.value,
      locate: jsonLocator(record.path, record.line),
      ...(record.syntaxError ? { unreadable: record.syntaxError } : {}),
    };
  }
}
