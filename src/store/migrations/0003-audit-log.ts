import { type Kysely, sql } from "kysely";
import { makeAppendOnly } from "./make-append-only.ts";

/**
 * The append-only, hash-chained audit log. `seq` is assigned by the appender (head + 1), not by the engine, so that it
 * has no gaps; the unique `prev_hash` makes a fork of the chain impossible even if two writers ever raced. Triggers
 * refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) whoever asks, so a change needs a deliberate DDL statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "bigint", (column) => column.primaryKey())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("actor_kind", "text", (column) => column.notNull())
    .addColumn("actor_id", "text", (column) => column.notNull())
    .addColumn("entity_type", "text", (column) => column.notNull())
    .addColumn("entity_id", "text", (column) => column.notNull())
    .addColumn("field", "text")
    .addColumn("action", "text", (column) => column.notNull())
    .addColumn("old_value", "text")
    .addColumn("new_value", "text")
    .addColumn("reason", "text")
    .addColumn("prev_hash", "text", (column) => column.notNull().unique())
    .addColumn("hash", "text", (column) => column.notNull())
    .addCheckConstraint("audit_log_seq_check", sql`seq >= 1`)
    .execute();
  await db.schema
    .createIndex("audit_log_entity_index")
    .on("audit_log")
    .columns(["entity_type", "entity_id", "seq"])
    .execute();
  await makeAppendOnly(db, "audit_log");
}
