import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect-of.ts";

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
  if (dialectOf(db) === "postgres") await refuseChangesOnPostgres(db);
  else await refuseChangesOnSqlite(db);
}

async function refuseChangesOnSqlite(db: Kysely<unknown>): Promise<void> {
  for (const operation of ["update", "delete"]) {
    await sql`
      create trigger ${sql.raw(`audit_log_no_${operation}`)} before ${sql.raw(operation)} on audit_log
      begin
        select raise(abort, ${sql.lit(`audit_log is append-only: ${operation.toUpperCase()} refused`)});
      end
    `.execute(db);
  }
}

async function refuseChangesOnPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op;
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()
  `.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()
  `.execute(db);
}
