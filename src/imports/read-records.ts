import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { RecordSourceError } from "../app/ports/record-source-error.ts";
import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { jsonLocator } from "./json-locator.ts";
import { readJsonRecords } from "./json-records.ts";

/** Which reader a file needs, after checking that it is a file: `csv`, or `json` for JSON and JSON Lines. */
async function readerFor(path: string, source: string): Promise<"csv" | "json"> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new RecordSourceError({ source, message: `no such file: ${path}` });
  if (!info.isFile()) throw new RecordSourceError({ source, message: `not a file: ${path}` });
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext !== ".json" && ext !== ".jsonl" && ext !== ".ndjson") {
    throw new RecordSourceError({ source, message: `unknown file type "${ext}": use .csv, .json or .jsonl` });
  }
  return "json";
}

async function* jsonRecords(path: string, key: string, source: string): AsyncGenerator<SourcedRecord> {
  for await (const record of readJsonRecords(path, key)) {
    yield {
      source,
      raw: record.value,
      locate: jsonLocator(record.path, record.line),
      ...(record.syntaxError ? { unreadable: record.syntaxError } : {}),
    };
  }
}

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
  if ((await readerFor(path, source)) === "csv") yield* csv(path);
  else yield* jsonRecords(path, key, source);
}

/** JSON records handed on together, so that a batch reader costs one asynchronous step per batch, not per record. */
const JSON_BATCH = 256;

/**
 * Like {@link readRecords}, in batches: a CSV reader's batches as it makes them (the records completed by each chunk
 * read), JSON records {@link JSON_BATCH} at a time. A consumer that takes batches pays for a promise and a turn of
 * the event loop per batch instead of per record.
 */
export async function* readRecordBatches(
  path: string,
  key: string,
  csv: (path: string) => AsyncGenerator<SourcedRecord[]>,
): AsyncGenerator<SourcedRecord[]> {
  const source = basename(path);
  if ((await readerFor(path, source)) === "csv") {
    yield* csv(path);
    return;
  }
  let batch: SourcedRecord[] = [];
  for await (const record of jsonRecords(path, key, source)) {
    batch.push(record);
    if (batch.length >= JSON_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
