import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { readInvoiceCsvRecords } from "./invoice-csv-records.ts";
import { readRecords } from "./read-records.ts";

/** Streams the invoices of an import file: `.csv`, `.json` (`{"invoices": [...]}` or an array) or `.jsonl`. */
export function readInvoiceRecords(path: string): AsyncGenerator<SourcedRecord> {
  return readRecords(path, "invoices", readInvoiceCsvRecords);
}
