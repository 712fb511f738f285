import type { Kysely, Transaction } from "kysely";
import type { Database } from "./database.ts";

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On SQLite the transaction
 * begins IMMEDIATE (it holds the write lock from the start); on PostgreSQL it runs at READ COMMITTED, which the audit
 * chain's lock relies on (each statement sees what the previous lock holder committed).
 */
export function withTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(fn);
}
