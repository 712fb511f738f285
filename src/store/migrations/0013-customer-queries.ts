import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect-of.ts";
import { makeAppendOnly } from "./make-append-only.ts";

/** The columns of a customer query that are written once, when it is opened. */
const OPENING = [
  "id",
  "invoice_id",
  "invoice_number",
  "customer_number",
  "opened_at",
  "opened_by",
  "source",
  "response_message_id",
  "reason",
];

/**
 * Received status messages linked to what they answer, and customer queries.
 *
 * `peppol_responses` gains the invoice and the Peppol delivery a response was matched to (null when it matched
 * nothing: kept, and listable), the response's own issue date and time (the buyer's status is the latest by those)
 * and its issues as JSON; the table becomes append-only, since a status received is evidence. The link is written
 * with the response, in the inbox's transaction.
 *
 * `customer_queries`: a query on an invoice, opened by an Invoice Response "under query" (once per response: the
 * response's message id is unique) or by a person, at most one open per invoice, and settled once. The opening columns never change; the three
 * settlement columns go from null to a value once, together; a query is never deleted. Triggers enforce it on both
 * engines. Coded values are written out, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("peppol_responses")
    .addColumn("invoice_id", "text", (column) => column.references("invoices.id"))
    .execute();
  await db.schema
    .alterTable("peppol_responses")
    .addColumn("delivery_id", "text", (column) => column.references("deliveries.id"))
    .execute();
  await db.schema.alterTable("peppol_responses").addColumn("issue_date", "text").execute();
  await db.schema.alterTable("peppol_responses").addColumn("issue_time", "text").execute();
  await db.schema.alterTable("peppol_responses").addColumn("issues", "text").execute();
  await db.schema
    .createIndex("peppol_responses_invoice_index")
    .on("peppol_responses")
    .columns(["invoice_id", "received_at"])
    .execute();
  await db.schema
    .createIndex("peppol_responses_delivery_index")
    .on("peppol_responses")
    .columns(["delivery_id", "received_at"])
    .execute();
  await makeAppendOnly(db, "peppol_responses");

  await db.schema
    .createTable("customer_queries")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("invoice_id", "text", (column) => column.notNull().references("invoices.id"))
    .addColumn("invoice_number", "text", (column) => column.notNull())
    .addColumn("customer_number", "text", (column) => column.notNull().references("customers.number"))
    .addColumn("opened_at", "text", (column) => column.notNull())
    .addColumn("opened_by", "text", (column) => column.notNull())
    .addColumn("source", "text", (column) => column.notNull())
    .addColumn("response_message_id", "text", (column) =>
      column.unique().references("peppol_responses.message_id"),
    )
    .addColumn("reason", "text", (column) => column.notNull())
    .addColumn("settled_at", "text")
    .addColumn("settled_by", "text")
    .addColumn("settlement_note", "text")
    .addCheckConstraint(
      "customer_queries_source_check",
      sql`(source = 'manual' and response_message_id is null) or (source = 'peppol-invoice-response' and response_message_id is not null)`,
    )
    .addCheckConstraint(
      "customer_queries_settlement_check",
      sql`(settled_at is null and settled_by is null and settlement_note is null) or (settled_at is not null and settled_by is not null and settlement_note is not null and settled_at >= opened_at)`,
    )
    .execute();
  await db.schema
    .createIndex("customer_queries_invoice_index")
    .on("customer_queries")
    .columns(["invoice_id", "opened_at"])
    .execute();
  // One open query per invoice, whoever opens it: a second opening races into this index rather than past it.
  await sql`create unique index customer_queries_one_open on customer_queries (invoice_id) where settled_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex("customer_queries_opened_index")
    .on("customer_queries")
    .columns(["opened_at", "id"])
    .execute();
  if (dialectOf(db) === "postgres") await settleOnceOnPostgres(db);
  else await settleOnceOnSqlite(db);
}

async function settleOnceOnSqlite(db: Kysely<unknown>): Promise<void> {
  const changed = OPENING.map((c) => `new.${c} is not old.${c}`).join(" or ");
  await sql`
    create trigger customer_queries_settle_once before update on customer_queries
    when ${sql.raw(changed)} or old.settled_at is not null
    begin
      select raise(abort, 'customer_queries: a query is opened once and settled once; UPDATE refused');
    end
  `.execute(db);
  await sql`
    create trigger customer_queries_no_delete before delete on customer_queries
    begin
      select raise(abort, 'customer_queries: a query is never deleted; DELETE refused');
    end
  `.execute(db);
}

async function settleOnceOnPostgres(db: Kysely<unknown>): Promise<void> {
  const changed = OPENING.map((c) => `new.${c} is distinct from old.${c}`).join(" or ");
  await sql`
    create function customer_queries_settle_once() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' then
        raise exception 'customer_queries: a query is never deleted; % refused', tg_op;
      end if;
      if ${sql.raw(changed)} or old.settled_at is not null then
        raise exception 'customer_queries: a query is opened once and settled once; UPDATE refused';
      end if;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger customer_queries_settle_once before update or delete on customer_queries
    for each row execute function customer_queries_settle_once()
  `.execute(db);
  await sql`
    create trigger customer_queries_no_truncate before truncate on customer_queries
    for each statement execute function customer_queries_settle_once()
  `.execute(db);
}
