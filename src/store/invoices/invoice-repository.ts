import { type Kysely, sql, type Transaction } from "kysely";
import type {
  InvoicePage,
  InvoiceQuery,
  InvoiceSaveOutcome,
  InvoiceToSave,
} from "../../app/ports/invoice-store.ts";
import type { InvoiceRecord } from "../../core/invoice/invoice-record.ts";
import type { Database } from "../database.ts";
import { insertInvoiceRows } from "./insert-invoice-rows.ts";
import { invoiceFromRow, invoiceSummaryFromRow, invoiceToRow } from "./invoice-mapper.ts";

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** The invoice with number `number`, or null. */
export async function getInvoice(db: Kysely<Database>, number: string): Promise<InvoiceRecord | null> {
  const row = await db.selectFrom("invoices").selectAll().where("number", "=", number).executeTakeFirst();
  return row === undefined ? null : invoiceFromRow(row);
}

/** One page of invoices in number order (keyset paging), without decoding their content. */
export async function listInvoices(db: Kysely<Database>, query: InvoiceQuery): Promise<InvoicePage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
  let select = db.selectFrom("invoices").selectAll().where("number", "is not", null);
  if (query.customerNumber !== undefined) select = select.where("customer_number", "=", query.customerNumber);
  if (query.kind !== undefined) select = select.where("kind", "=", query.kind);
  if (query.from !== undefined) select = select.where("issue_date", ">=", query.from);
  if (query.to !== undefined) select = select.where("issue_date", "<=", query.to);
  if (query.after !== undefined) select = select.where("number", ">", query.after);
  const rows = await select
    .orderBy("number")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(invoiceSummaryFromRow);
  return { invoices: page, next: rows.length > limit ? (page.at(-1)?.number ?? null) : null };
}

/**
 * Saves invoices in one bulk insert. An invoice whose number exists already is left as it is: unchanged when the
 * content is byte-identical (a re-import), a conflict otherwise. Duplicates within `items` are the caller's to refuse.
 */
export async function saveInvoices(
  trx: Transaction<Database>,
  items: readonly InvoiceToSave[],
  at: Date,
): Promise<InvoiceSaveOutcome[]> {
  const rows = items.map((item) => invoiceToRow(item, at));
  const taken = await insertInvoiceRows(trx, rows);
  return rows.map((row): InvoiceSaveOutcome => {
    const stored = typeof row.number === "string" ? taken.get(row.number) : undefined;
    if (stored === undefined) return { kind: "created" };
    if (stored === row.content_sha256) return { kind: "unchanged" };
    return {
      kind: "conflict",
      message: `invoice ${row.number} was imported before with different content; an issued invoice is corrected by a credit note, not re-imported`,
    };
  });
}

/**
 * Reserves `count` consecutive values of the counter `name` (created at 0) and returns the first. The UPDATE takes
 * the row lock (PostgreSQL) or runs under the write lock (SQLite), so two transactions never get the same value; a
 * batch reserves its block in one statement.
 */
export async function reserveSequence(
  trx: Transaction<Database>,
  name: string,
  count: number,
): Promise<bigint> {
  await trx
    .insertInto("sequences")
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await trx
    .updateTable("sequences")
    .set({ value: sql`value + ${count}` })
    .where("name", "=", name)
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value - BigInt(count) + 1n;
}
