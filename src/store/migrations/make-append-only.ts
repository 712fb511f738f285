import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect-of.ts";

/**
 * Makes a table append-only whoever asks: triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), so a change
 * needs a deliberate DDL statement. Migrations already applied ran this exact SQL; keep it byte-for-byte stable
 * (trigger and function names are derived from the table name) or databases created before and after would differ.
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOf(db) === "postgres") await refuseChangesOnPostgres(db, table);
  else await refuseChangesOnSqlite(db, table);
}

async function refuseChangesOnSqlite(db: Kysely<unknown>, table: string): Promise<void> {
  for (const operation of ["update", "delete"]) {
    await sql`
      create trigger ${sql.raw(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.raw(table)}
      begin
        select raise(abort, ${sql.lit(`${table} is append-only: ${operation.toUpperCase()} refused`)});
      end
    `.execute(db);
  }
}

async function refuseChangesOnPostgres(db: Kysely<unknown>, table: string): Promise<void> {
  const refuse = `${table}_refuse_change`;
  await sql`
    create function ${sql.raw(refuse)}() returns trigger language plpgsql as $$
    begin
      raise exception '${sql.raw(table)} is append-only: % refused', tg_op;
    end
    $$
  `.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
    for each row execute function ${sql.raw(refuse)}()
  `.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.raw(table)}
    for each statement execute function ${sql.raw(refuse)}()
  `.execute(db);
}
