import { type Kysely, sql, type Transaction } from "kysely";
import type { CustomerPage, CustomerQuery, CustomerUpsert } from "../../app/ports/customer-store.ts";
import { customerAuditFields } from "../../core/audit/audited-fields.ts";
import { diffFields } from "../../core/audit/field-diff.ts";
import type { Customer } from "../../core/customer/customer.ts";
import type { Database } from "../database.ts";
import { toDbInstant } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { customerFromRow, customerToColumns, customerToRow } from "./customer-mapper.ts";

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** The customer `number`, or null when there is none. */
export async function getCustomer(db: Kysely<Database>, number: string): Promise<Customer | null> {
  const row = await db.selectFrom("customers").selectAll().where("number", "=", number).executeTakeFirst();
  return row === undefined ? null : customerFromRow(row);
}

/** One page of the customers matching `query`, in customer-number order (keyset paging: stable under inserts). */
export async function listCustomers(db: Kysely<Database>, query: CustomerQuery): Promise<CustomerPage> {
  const requested =
    query.limit !== undefined && Number.isFinite(query.limit) ? Math.trunc(query.limit) : DEFAULT_PAGE_SIZE;
  const limit = Math.min(Math.max(requested, 1), MAX_PAGE_SIZE);
  let select = db.selectFrom("customers").selectAll();
  if (query.search !== undefined && query.search !== "") {
    const pattern = `%${escapeLike(query.search.toLowerCase())}%`;
    // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL. SQLite has no default ESCAPE.
    select = select.where(
      sql<boolean>`(lower(number) like ${pattern} escape '\\' or lower(legal_name) like ${pattern} escape '\\')`,
    );
  }
  if (query.preferredChannel !== undefined)
    select = select.where("preferred_channel", "=", query.preferredChannel);
  if (query.language !== undefined) select = select.where("language", "=", query.language);
  if (query.after !== undefined) select = select.where("number", ">", query.after);
  const rows = await select
    .orderBy("number")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(customerFromRow);
  return { customers: page, next: rows.length > limit ? (page.at(-1)?.number ?? null) : null };
}

/**
 * Creates the customer or brings the stored one to `customer`, returning the field-level changes for the caller to
 * audit. The row is locked first (PostgreSQL; SQLite transactions hold the write lock already), so the changes are
 * computed against the value that is really replaced. When nothing changed nothing is written, which keeps re-imports
 * of the same file free of writes and audit noise.
 */
export async function upsertCustomer(
  trx: Transaction<Database>,
  customer: Customer,
  at: Date,
): Promise<CustomerUpsert> {
  let select = trx.selectFrom("customers").selectAll().where("number", "=", customer.number);
  if (dialectOf(trx) === "postgres") select = select.forUpdate();
  const row = await select.executeTakeFirst();
  if (row === undefined) {
    await trx.insertInto("customers").values(customerToRow(customer, at)).execute();
    return { kind: "created", customer };
  }
  const changes = diffFields(customerAuditFields(customerFromRow(row)), customerAuditFields(customer));
  if (changes.length === 0) return { kind: "unchanged", customer };
  await trx
    .updateTable("customers")
    .set({ ...customerToColumns(customer), updated_at: toDbInstant(at) })
    .where("number", "=", customer.number)
    .execute();
  return { kind: "updated", customer, changes };
}

/** Escapes LIKE's wildcards so that a search for `50%` finds the text `50%`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
