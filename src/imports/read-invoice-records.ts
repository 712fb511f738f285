import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { readInvoiceCsvRecordBatches } from "./invoice-csv-records.ts";
import { readRecordBatches } from "./read-records.ts";

/**
 * Streams the invoices of an import file in batches: `.csv`, `.json` (`{"invoices": [...]}` or an array) or `.jsonl`.
 * Memory stays bounded: a CSV batch holds the invoices completed by one chunk of the file.
 */
export function readInvoiceRecordBatches(path: string): AsyncGenerator<SourcedRecord[]> {
  return readRecordBatches(path, "invoices", readInvoiceCsvRecordBatches);
}

/** Streams the invoices of an import file one at a time; see {@link readInvoiceRecordBatches}. */
export async function* readInvoiceRecords(path: string): AsyncGenerator<SourcedRecord> {
  for await (const batch of readInvoiceRecordBatches(path)) yield* batch;
}
