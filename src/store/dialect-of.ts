import { type Kysely, PostgresAdapter } from "kysely";
import type { DialectName } from "./create-database.ts";

/** Which engine `db` (or a transaction on it) runs on, for the few statements that differ between them. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
