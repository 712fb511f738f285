import type { Transaction } from "kysely";
import {
  STAGED_INVOICE_FIELDS,
  type StagedConflict,
  type StagedInvoices,
  type StagedValue,
} from "../../app/ports/invoice-stage.ts";
import type { Database } from "../database.ts";
import { insertRows, oneRowInsert, preparedStatement } from "../prepared-statements.ts";
import { sqliteHandleOf } from "../sqlite-dialect.ts";
import type { InvoicesTable } from "../tables/invoices.ts";
import { type InvoiceRow, insertInvoiceRows } from "./insert-invoice-rows.ts";

/** The column of each staged field; the statements list the columns in the port's order, so values bind as they are. */
const COLUMN_OF: { readonly [F in (typeof STAGED_INVOICE_FIELDS)[number]]: keyof InvoicesTable } = {
  id: "id",
  number: "number",
  kind: "kind",
  status: "status",
  customerNumber: "customer_number",
  issueDate: "issue_date",
  dueDate: "due_date",
  currency: "currency",
  lineCount: "line_count",
  taxExclusiveMinor: "tax_exclusive_minor",
  taxMinor: "tax_minor",
  payableMinor: "payable_minor",
  structuredCommunication: "structured_communication",
  content: "content",
  contentSha256: "content_sha256",
  source: "source",
  createdAt: "created_at",
  issuedAt: "issued_at",
};
const COLUMNS = STAGED_INVOICE_FIELDS.map((field) => COLUMN_OF[field]);
const WIDTH = COLUMNS.length;
const NUMBER = STAGED_INVOICE_FIELDS.indexOf("number");
const SHA = STAGED_INVOICE_FIELDS.indexOf("contentSha256");

const SQLITE_INSERT = oneRowInsert("invoices", COLUMNS, "on conflict (number) do nothing");
/** The stored rows of the numbers skipped (a JSON array parameter). */
const SQLITE_STORED =
  "select number, content_sha256 from invoices where number in (select value from json_each(?))";

/** What saving staged invoices did, by index in the batch; the other invoices were created. */
export interface StagedSaveOutcome {
  /** Re-imported with the same content: left as they were. */
  readonly unchanged: readonly number[];
  /** Numbers that hold different content: refused. */
  readonly conflicts: readonly StagedConflict[];
}

/**
 * Saves an import's staged invoices (see {@link StagedInvoices}) inside `trx`, leaving those whose number is taken as
 * they are: unchanged when the stored content is byte-identical (a re-import), a conflict otherwise.
 *
 * On SQLite the values are bound as the stage sent them to a cached one-row INSERT (see insertRows), bypassing Kysely:
 * building and compiling its query per batch, and a row object per invoice, cost more than SQLite's own work on this
 * path, which an import runs for every invoice. Everything else goes through Kysely. On PostgreSQL the rows go
 * through {@link insertInvoiceRows} (one JSON parameter per hundred rows; the round trip is what costs there).
 */
export async function saveStagedInvoices(
  trx: Transaction<Database>,
  invoices: StagedInvoices,
): Promise<StagedSaveOutcome> {
  const stored = new Map<number, string>();
  const handle = sqliteHandleOf(trx);
  const { count, values } = invoices;
  if (handle !== undefined) {
    const skipped = insertRows(handle, SQLITE_INSERT, WIDTH, values);
    if (skipped.length > 0) {
      const numbers = skipped.map((i) => values[i * WIDTH + NUMBER]);
      const found = new Map<string, string>();
      for (const row of preparedStatement(handle, SQLITE_STORED).all(JSON.stringify(numbers)) as {
        number: string;
        content_sha256: string;
      }[])
        found.set(row.number, row.content_sha256);
      for (const i of skipped) {
        const sha = found.get(values[i * WIDTH + NUMBER] as string);
        if (sha !== undefined) stored.set(i, sha);
      }
    }
  } else {
    const rows: InvoiceRow[] = [];
    for (let i = 0; i < count; i++) rows.push(rowAt(values, i));
    const taken = await insertInvoiceRows(trx, rows);
    for (const [i, row] of rows.entries()) {
      const sha = typeof row.number === "string" ? taken.get(row.number) : undefined;
      if (sha !== undefined) stored.set(i, sha);
    }
  }
  const unchanged: number[] = [];
  const conflicts: StagedConflict[] = [];
  for (const [index, sha] of stored) {
    if (sha === values[index * WIDTH + SHA]) unchanged.push(index);
    else
      conflicts.push({
        index,
        message: `invoice ${String(values[index * WIDTH + NUMBER])} was imported before with different content; an issued invoice is corrected by a credit note, not re-imported`,
      });
  }
  return { unchanged, conflicts };
}

/** The row object of the staged invoice `i`. */
function rowAt(values: readonly StagedValue[], i: number): InvoiceRow {
  const row: Record<string, StagedValue> = {};
  for (const [c, column] of COLUMNS.entries()) row[column] = values[i * WIDTH + c] ?? null;
  return row as unknown as InvoiceRow;
}
