import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect-of.ts";

const OLD_STATES = "'queued', 'deferred', 'accepted', 'failed', 'expired', 'parked'";
const NEW_STATES = `${OLD_STATES}, 'bounced', 'delivered'`;

/**
 * What comes back after sending: the messages received at the bounce address (each once, with what was done), the
 * invoices sent on paper instead, and the last digest of failures. Deliveries gain the states `bounced` and
 * `delivered`; coded values are written out, not imported from the domain, so an applied migration never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table deliveries drop constraint deliveries_state_check`.execute(db);
    await sql`alter table deliveries add constraint deliveries_state_check check (state in (${sql.raw(NEW_STATES)}))`.execute(
      db,
    );
  } else {
    await widenSqliteStateCheck(db);
  }
  await db.schema
    .createTable("inbound_messages")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("sha256", "text", (column) => column.notNull().unique().references("archived_messages.sha256"))
    .addColumn("source", "text", (column) => column.notNull())
    .addColumn("source_ref", "text")
    .addColumn("message_id", "text")
    .addColumn("size", "bigint", (column) => column.notNull())
    .addColumn("truncated", "bigint", (column) => column.notNull())
    .addColumn("received_at", "text", (column) => column.notNull())
    .addColumn("outcome", "text", (column) => column.notNull())
    .addColumn("matched_by", "text")
    .addColumn("delivery_id", "text", (column) => column.references("deliveries.id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("format", "text", (column) => column.notNull())
    .addColumn("detail", "text", (column) => column.notNull())
    .addCheckConstraint("inbound_messages_source_check", sql`source in ('imap', 'smtp', 'file')`)
    .addCheckConstraint(
      "inbound_messages_outcome_check",
      sql`outcome in ('processed', 'unmatched', 'quarantined')`,
    )
    .addCheckConstraint(
      "inbound_messages_matched_by_check",
      sql`matched_by is null or matched_by in ('verp', 'message-id')`,
    )
    .execute();
  await db.schema
    .createIndex("inbound_messages_source_ref_index")
    .on("inbound_messages")
    .columns(["source_ref"])
    .execute();
  await db.schema
    .createIndex("inbound_messages_received_at_index")
    .on("inbound_messages")
    .columns(["received_at"])
    .execute();
  await db.schema
    .createIndex("inbound_messages_delivery_index")
    .on("inbound_messages")
    .columns(["delivery_id"])
    .execute();
  await db.schema
    .createTable("paper_fallbacks")
    .addColumn("invoice_id", "text", (column) => column.notNull().references("invoices.id"))
    .addColumn("batch_sha256", "text", (column) => column.notNull().references("archived_messages.sha256"))
    .addColumn("invoice_number", "text", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("actor", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("paper_fallbacks_pk", ["invoice_id", "batch_sha256"])
    .execute();
  await db.schema
    .createTable("digest_marks")
    .addColumn("name", "text", (column) => column.primaryKey())
    .addColumn("until", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("delivery_events_at_index").on("delivery_events").columns(["at"]).execute();
}

/**
 * SQLite cannot alter a CHECK constraint: the table is rebuilt under its own name. The rows wait in a temporary table
 * while `deliveries` is dropped and created again, so the child tables' REFERENCES keep naming it (a RENAME would
 * rewrite them); deferred foreign keys let the children point nowhere until the rows are back, and the check at
 * commit proves nothing was lost. Indexes are read from the schema and created again.
 */
async function widenSqliteStateCheck(db: Kysely<unknown>): Promise<void> {
  const table = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'deliveries'`.execute(db);
  const create = table.rows[0]?.sql;
  if (create === undefined || !create.includes(`(${OLD_STATES})`)) {
    throw new Error("deliveries has no state check of the form 0005 created; refusing to rebuild it");
  }
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = 'deliveries' and sql is not null`.execute(
    db,
  );
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create temp table deliveries_0008 as select * from deliveries`.execute(db);
  await sql`drop table deliveries`.execute(db);
  await sql.raw(create.replace(`(${OLD_STATES})`, `(${NEW_STATES})`)).execute(db);
  await sql`insert into deliveries select * from temp.deliveries_0008`.execute(db);
  await sql`drop table temp.deliveries_0008`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
