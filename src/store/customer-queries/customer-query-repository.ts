import type { Kysely, Transaction } from "kysely";
import type { CustomerQueryFilter } from "../../app/ports/customer-queries.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { type CustomerQuery, type QuerySettlement, queryId } from "../../core/queries/customer-query.ts";
import type { Database } from "../database.ts";
import { toDbInstant } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { reserveSequence } from "../invoices/invoice-repository.ts";
import { queryFromRow, queryToRow } from "./customer-query-mapper.ts";

const QUERY_SEQUENCE = "customer-query";
const MAX_PAGE = 1000;

/** One query by id, or null. */
export async function getQuery(db: Kysely<Database>, id: string): Promise<CustomerQuery | null> {
  const row = await db.selectFrom("customer_queries").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : queryFromRow(row);
}

function cursorOf(query: CustomerQuery): string {
  return `${query.openedAt.toISOString()}|${query.id}`;
}

/** Queries in opening order (then id), optionally only the open ones or one invoice's, a page at a time. */
export async function listQueries(
  db: Kysely<Database>,
  filter: CustomerQueryFilter,
): Promise<{ queries: CustomerQuery[]; next: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit), 1), MAX_PAGE);
  let select = db.selectFrom("customer_queries").selectAll();
  if (filter.open === true) select = select.where("settled_at", "is", null);
  if (filter.open === false) select = select.where("settled_at", "is not", null);
  if (filter.invoiceId !== undefined) select = select.where("invoice_id", "=", filter.invoiceId);
  if (filter.after !== undefined) {
    // The instant has no "|"; query ids have none either.
    const [at = "", id = ""] = filter.after.split("|");
    select = select.where((eb) =>
      eb.or([eb("opened_at", ">", at), eb.and([eb("opened_at", "=", at), eb("id", ">", id)])]),
    );
  }
  const rows = await select
    .orderBy("opened_at")
    .orderBy("id")
    .limit(limit + 1)
    .execute();
  const queries = rows.slice(0, limit).map(queryFromRow);
  const last = queries.at(-1);
  return { queries, next: rows.length > limit && last ? cursorOf(last) : null };
}

/**
 * Holds the invoice's row until the transaction ends, so that two openings of a query on it (a person and an Invoice
 * Response, or two responses) take turns and the second sees the first's query. NO KEY UPDATE, not UPDATE: the rows
 * that reference the invoice (a response, a query) take KEY SHARE locks on it, which FOR UPDATE would wait for, and
 * two transactions each holding one and asking FOR UPDATE would deadlock. SQLite transactions begin IMMEDIATE and
 * already run one at a time.
 */
export async function lockInvoice(trx: Transaction<Database>, invoiceId: string): Promise<void> {
  if (dialectOf(trx) !== "postgres") return;
  await trx.selectFrom("invoices").select("id").where("id", "=", invoiceId).forNoKeyUpdate().execute();
}

/** The next query id, from the `customer-query` sequence (taken under the transaction's lock on the sequence row). */
export async function nextQueryId(trx: Transaction<Database>): Promise<string> {
  return queryId(await reserveSequence(trx, QUERY_SEQUENCE, 1));
}

/** Writes a new query. */
export async function insertQuery(db: Kysely<Database>, query: CustomerQuery): Promise<void> {
  await db.insertInto("customer_queries").values(queryToRow(query)).execute();
}

/**
 * Writes a query's settlement, only while it is open: a query settled meanwhile is a `conflict` (and the database's
 * trigger refuses rewriting a settlement whoever asks).
 */
export async function settleQuery(
  db: Kysely<Database>,
  id: string,
  settlement: QuerySettlement,
): Promise<void> {
  const result = await db
    .updateTable("customer_queries")
    .set({
      settled_at: toDbInstant(settlement.at),
      settled_by: settlement.by,
      settlement_note: settlement.note,
    })
    .where("id", "=", id)
    .where("settled_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new AppError(
      "conflict",
      `query ${id} is settled already (or does not exist); a query is settled once`,
    );
}
