import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type Transaction,
} from "kysely";

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Starts every transaction with BEGIN IMMEDIATE: the write lock is taken at the start, so a transaction that reads
 * and then writes (the audit chain head, an upsert) never fails half-way with SQLITE_BUSY when another process holds
 * the lock; it waits `busy_timeout` at the start instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/**
 * SQLite does run DDL inside transactions; Kysely's adapter says it does not, which would make the Migrator apply a
 * migration statement by statement and leave a half-applied one behind on failure. The adapter also carries the
 * better-sqlite3 handle, so that bulk writes (imports) can run cached prepared statements inside a Kysely transaction
 * instead of building, compiling and preparing one large INSERT per chunk (see {@link sqliteHandleOf}).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  constructor(readonly database: BetterSqlite3.Database) {
    super();
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class FacteurSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter(this.#database);
  }
}

/**
 * The better-sqlite3 handle under a Kysely transaction on SQLite, or undefined on another engine. Statements run on it
 * inside `trx` belong to that transaction: SQLite has one connection, and the transaction holds it until it ends.
 */
export function sqliteHandleOf<DB>(trx: Transaction<DB>): BetterSqlite3.Database | undefined {
  if (!trx.isTransaction) throw new TypeError("sqliteHandleOf needs a transaction");
  const adapter = trx.getExecutor().adapter;
  return adapter instanceof TransactionalDdlSqliteAdapter ? adapter.database : undefined;
}

/**
 * Opens the SQLite file `file` for facteur: WAL (readers do not block the writer), `synchronous=FULL` (a committed
 * transaction survives a power cut, which an audit trail needs), foreign keys enforced, a busy timeout, and safe
 * integers so every INTEGER reads as a bigint. The file's directory is created when missing (the default lives under
 * `./data/`, which a fresh checkout does not have).
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.defaultSafeIntegers(true);
  return new FacteurSqliteDialect(database);
}
