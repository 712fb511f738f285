import type { SourcedRecord } from "../app/ports/sourced-record.ts";
import { readCustomerCsvRecords } from "./customer-csv-records.ts";
import { readRecords } from "./read-records.ts";

/** Streams the customers of an import file: `.csv`, `.json` (`{"customers": [...]}` or an array) or `.jsonl`. */
export function readCustomerRecords(path: string): AsyncGenerator<SourcedRecord> {
  return readRecords(path, "customers", readCustomerCsvRecords);
}
