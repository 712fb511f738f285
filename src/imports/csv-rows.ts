import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { CsvError, type Options, Parser } from "csv-parse";
import { RecordSourceError } from "../app/ports/record-source-error.ts";
import { SYNC_READS } from "./sync-reads.ts";
import { Utf8Check } from "./utf8-check.ts";

/**
 * One data row of a CSV file, with the line it ends on. Its fields stay the array csv-parse made, found by column
 * through the file's one column map: an object keyed by column per row cost an allocation per row and a lookup by a
 * variable key per field (measured on 100,000 CSV invoices of 5 lines: reading 15.0-15.4 -> 14.5-14.8 µs CPU per invoice).
 */
export interface CsvRow {
  readonly line: number;
  /** The fields in the header's order, one per column ("" where the row has too few). */
  readonly cells: readonly string[];
  /** Normalised column name -> position in `cells`; the same map for every row of a file. */
  readonly columns: ReadonlyMap<string, number>;
  /** Set when the row cannot be read as the header says (wrong number of fields); reading goes on after it. */
  readonly problem?: string;
}

/** The field of `row` in `column`, or undefined when the file has no such column. */
export function cellOf(row: CsvRow, column: string): string | undefined {
  const index = row.columns.get(column);
  return index === undefined ? undefined : row.cells[index];
}

/** The columns a CSV format knows. */
export interface CsvColumns {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/**
 * Bytes read at a time. The rows of a chunk are parsed together and live until the last is consumed: with the default
 * 64 KB (some 260 invoices) they outlived young-generation collections and were promoted, and the old-generation
 * collector then cost more CPU than 16 KB chunks do in reading calls (measured on the import stage: about -10%).
 */
const READ_CHUNK_BYTES = 16 * 1024;

/** A record larger than this is not a row of an invoice file: it is a binary or truncated file. */
const MAX_RECORD_BYTES = 1 << 20;

/** `Invoice Number`, `invoice-number` and `INVOICE_NUMBER` all name the column `invoice_number`. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * Picks the delimiter from the header line: spreadsheet programs in Belgium and France export with ';', others with
 * ',' or a tab. The character that splits the header into the most known columns wins.
 */
function detectDelimiter(headerLine: string, known: ReadonlySet<string>): string {
  let best = ",";
  let bestScore = -1;
  for (const candidate of [",", ";", "\t", "|"]) {
    const cells = headerLine.split(candidate).map((c) => normaliseColumn(c.replace(/^"|"$/g, "")));
    const score = cells.filter((c) => known.has(c)).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    return text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  } finally {
    await handle.close();
  }
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed";
    case "CSV_MAX_RECORD_SIZE":
      return `a row is larger than ${MAX_RECORD_BYTES} bytes: this does not look like a CSV file`;
    default:
      return error.message;
  }
}

/**
 * csv-parse's stream that also remembers the line each record ends on, in the order the records are pushed. The
 * parser pushes a record synchronously while its running `info` describes it, so `info.lines` then is the line that
 * csv-parse's `info: true` option would report; that option copies the whole info object twice per record, a third
 * of the cost of reading a file.
 */
class LineNumberingParser extends Parser {
  /** Lines of the records pushed and not yet taken, oldest first. */
  private readonly lines: number[] = [];
  private taken = 0;

  constructor(options: Options) {
    super(options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk !== null) this.lines.push(this.info.lines);
    return super.push(chunk, encoding);
  }

  /** The line of the next record read from the stream. */
  nextLine(): number {
    const line = this.lines[this.taken++] ?? 0;
    // Drop what was taken now and then, so the queue stays as short as the stream's buffer.
    if (this.taken >= 1024) {
      this.lines.splice(0, this.taken);
      this.taken = 0;
    }
    return line;
  }
}

/**
 * The objects of an object-mode stream, as many at a time as it has buffered. Iterating a stream with `for await`
 * costs a promise and a turn of the event loop per object; for CSV rows that was a fifth of an import's CPU time.
 */
async function* bufferedBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  stream.on("readable", notify);
  stream.once("end", () => {
    ended = true;
    notify();
  });
  stream.once("error", (error) => {
    failure = { error };
    notify();
  });
  for (;;) {
    if (failure) throw failure.error;
    const batch: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null)
      batch.push(item);
    if (batch.length) yield batch;
    else if (ended) return;
    // read() returned null, so the stream emits "readable" (or "end", or "error") once it has more to say.
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** Like {@link readCsvRowBatches}, one row at a time. */
export async function* readCsvRows(path: string, columns: CsvColumns): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvRowBatches(path, columns)) yield* batch;
}

/**
 * Streams the data rows of a CSV file in constant memory, in batches of the rows parsed from each chunk read. Detects the delimiter, accepts a BOM and any line ending,
 * refuses non-UTF-8 text, unknown and missing columns. Structural problems throw {@link RecordSourceError} naming the
 * file and line; field values are returned as text for the caller to validate.
 */
export async function* readCsvRowBatches(path: string, columns: CsvColumns): AsyncGenerator<CsvRow[]> {
  const source = basename(path);
  const size = (await stat(path)).size;
  const header = size === 0 ? "" : await firstLine(path);
  if (header.trim() === "")
    throw new RecordSourceError({ source, message: "the file is empty: expected a header line" });
  const known = new Set([...columns.required, ...columns.optional]);
  const delimiter = detectDelimiter(header, known);

  const parser = new LineNumberingParser({
    bom: true,
    delimiter,
    // Rows with a wrong field count are reported by us, per row, so that reading goes on and every bad row is listed.
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_empty_lines: true,
    trim: true,
  });
  const input = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES, fs: SYNC_READS }).pipe(
    new Utf8Check(source),
  );
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);

  let names: string[] | undefined;
  let columnMap: Map<string, number> = new Map();
  let rows = 0;
  try {
    for await (const batch of bufferedBatches<string[]>(parser)) {
      const out: CsvRow[] = [];
      for (const record of batch) {
        const line = parser.nextLine();
        if (!names) {
          names = record.map(normaliseColumn);
          const unknown = names.filter((n) => !known.has(n));
          const missing = columns.required.filter((c) => !names?.includes(c));
          const problems = [
            missing.length ? `missing required column(s): ${missing.join(", ")}` : "",
            unknown.length
              ? `unknown column(s): ${unknown.join(", ")} (known: ${[...known].join(", ")})`
              : "",
          ].filter(Boolean);
          if (problems.length) throw new RecordSourceError({ source, at: "1", message: problems.join("; ") });
          columnMap = new Map(names.map((name, i) => [name, i]));
          continue;
        }
        rows++;
        if (record.length !== names.length) {
          out.push({
            line,
            cells: names.map((_, i) => record[i] ?? ""),
            columns: columnMap,
            problem: `this row has ${record.length} fields where the header has ${names.length} (a missing or extra delimiter, or a decimal comma?)`,
          });
        } else out.push({ line, cells: record, columns: columnMap });
      }
      if (out.length) yield out;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new RecordSourceError({
        source,
        ...(line ? { at: String(line) } : {}),
        message: csvErrorMessage(error),
      });
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (rows === 0) throw new RecordSourceError({ source, message: "the file has a header but no data rows" });
}
