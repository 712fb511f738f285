import { PostgresAdapter, type QueryExecutor } from "kysely";
import type { DialectName } from "./create-database.ts";

/** Which engine `db` (a Kysely instance or a transaction on it) runs on, for the few statements that differ. */
export function dialectOf(db: { getExecutor(): QueryExecutor }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
