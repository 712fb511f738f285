import { type Insertable, sql, type Transaction } from "kysely";
import type { Database } from "../database.ts";
import { preparedStatement } from "../prepared-statements.ts";
import { sqliteHandleOf } from "../sqlite-dialect.ts";
import type { InvoicesTable } from "../tables/invoices.ts";

/** An `invoices` row with every column given, in {@link COLUMNS} order when bound. */
export type InvoiceRow = Required<Insertable<InvoicesTable>>;

/** The columns and their PostgreSQL types, for the json_to_recordset() that turns a JSON array into rows. */
const COLUMNS: readonly (readonly [keyof InvoicesTable, "text" | "int8"])[] = [
  ["id", "text"],
  ["number", "text"],
  ["kind", "text"],
  ["status", "text"],
  ["customer_number", "text"],
  ["issue_date", "text"],
  ["due_date", "text"],
  ["currency", "text"],
  ["line_count", "int8"],
  ["tax_exclusive_minor", "int8"],
  ["tax_minor", "int8"],
  ["payable_minor", "int8"],
  ["structured_communication", "text"],
  ["content", "text"],
  ["content_sha256", "text"],
  ["source", "text"],
  ["created_at", "text"],
  ["issued_at", "text"],
];
const NAMES = COLUMNS.map(([name]) => name).join(", ");
const TYPED = COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");

/**
 * Rows per statement on PostgreSQL: some 150 KB of JSON, which V8 still allocates as an ordinary young string; larger
 * texts go to its large-object space and stay in memory until a full collection (measured: 296 MB peak at 100,000
 * invoices with 500 rows per statement, against a 300 MB budget).
 */
const ROWS_PER_STATEMENT = 100;

const SQLITE_INSERT = `insert into invoices (${NAMES}) values (${COLUMNS.map(() => "?").join(", ")}) on conflict (number) do nothing`;
const SQLITE_STORED_SHA = "select content_sha256 from invoices where number = ?";

/**
 * Inserts `rows` inside `trx`, skipping those whose number is taken, and returns the stored content SHA-256 of each
 * skipped number. One statement per batch on PostgreSQL (the rows as one JSON parameter: a fixed text, so no per-row
 * query building), one cached prepared statement per row on SQLite (no round trip to pay for there).
 */
export async function insertInvoiceRows(
  trx: Transaction<Database>,
  rows: readonly InvoiceRow[],
): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  if (rows.length === 0) return taken;
  const handle = sqliteHandleOf(trx);
  if (handle !== undefined) {
    const insert = preparedStatement(handle, SQLITE_INSERT);
    const stored = preparedStatement(handle, SQLITE_STORED_SHA);
    for (const row of rows) {
      if (insert.run(COLUMNS.map(([name]) => row[name])).changes > 0 || typeof row.number !== "string")
        continue;
      const found = stored.get(row.number) as { content_sha256: string } | undefined;
      if (found) taken.set(row.number, found.content_sha256);
    }
    return taken;
  }
  // One JSON parameter rather than one array per column: JSON.stringify escapes the content natively, where pg's
  // array literals escape every element in JavaScript (a fifth of the import's time on PostgreSQL).
  const fresh = new Set<string | null>();
  let insertedCount = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(
      rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => ({
        ...row,
        line_count: String(row.line_count),
        tax_exclusive_minor: String(row.tax_exclusive_minor),
        tax_minor: String(row.tax_minor),
        payable_minor: String(row.payable_minor),
      })),
    );
    const inserted = await sql<{ number: string | null }>`insert into invoices (${sql.raw(NAMES)})
      select ${sql.raw(NAMES)} from json_to_recordset(${json}::json) as r(${sql.raw(TYPED)})
      on conflict (number) do nothing returning number`.execute(trx);
    for (const r of inserted.rows) fresh.add(r.number);
    insertedCount += inserted.rows.length;
  }
  if (insertedCount === rows.length) return taken;
  const skipped = rows
    .map((r) => r.number)
    .filter((n): n is string => typeof n === "string" && !fresh.has(n));
  const found = await sql<{ number: string; content_sha256: string }>`select number, content_sha256
    from invoices where number = any(${skipped}::text[])`.execute(trx);
  for (const r of found.rows) taken.set(r.number, r.content_sha256);
  return taken;
}
