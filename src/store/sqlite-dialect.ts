import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
  type Transaction,
} from "kysely";

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;
/** Longest pause between two tries for the write lock while another process holds it. */
const LOCK_RETRY_MAX_MS = 4;
/** Statements kept prepared per database; past this the cache starts again, so memory stays bounded. */
const MAX_CACHED_STATEMENTS = 500;

/** Bytes per database page of a new file (see createSqliteDialect). */
export const PAGE_SIZE = 16_384;

const BEGIN_IMMEDIATE = CompiledQuery.raw("begin immediate");
const NO_BUSY_WAIT = CompiledQuery.raw("pragma busy_timeout = 0");
const BUSY_WAIT = CompiledQuery.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);

function isBusy(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "SQLITE_BUSY";
}

/**
 * Starts every transaction with BEGIN IMMEDIATE: the write lock is taken at the start, so a transaction that reads
 * and then writes (the audit chain head, an upsert) never fails half-way with SQLITE_BUSY when another process holds
 * the lock; it waits up to `busy_timeout` at the start instead. That wait is asynchronous: SQLite's own busy handler
 * sleeps inside the call, which would stop this process's event loop (rendering, SMTP sessions, every other job)
 * while another worker process holds the lock; here the lock is tried without waiting and tried again after a short
 * timer, so the rest of the process goes on meanwhile.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(NO_BUSY_WAIT);
    try {
      const deadline = performance.now() + BUSY_TIMEOUT_MS;
      for (let pause = 1; ; pause = Math.min(LOCK_RETRY_MAX_MS, pause * 2)) {
        try {
          await connection.executeQuery(BEGIN_IMMEDIATE);
          return;
        } catch (error) {
          if (!isBusy(error) || performance.now() >= deadline) throw error;
        }
        await sleep(pause);
      }
    } finally {
      await connection.executeQuery(BUSY_WAIT);
    }
  }
}

/**
 * The database as Kysely sees it, with each SQL text prepared once: Kysely's driver prepares every statement it runs,
 * and compiling a statement cost about as much as running it on the worker's short reads and writes.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => database.close(),
  };
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
    return new ImmediateSqliteDriver({ database: withStatementCache(this.#database) });
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
 * Opens the SQLite file `file` for facteur: 16 KiB pages when new, WAL (readers do not block the writer),
 * `synchronous=FULL` (a committed transaction survives a power cut, which an audit trail needs), foreign keys
 * enforced, a busy timeout, and safe integers so every INTEGER reads as a bigint. The file's directory is created
 * when missing (the default lives under `./data/`, which a fresh checkout does not have).
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  // Set before anything is written, this only applies to a new file (an existing one keeps its page size, which only
  // a VACUUM changes). 16 KiB pages instead of 4: an invoice row (its content 1-2 KB, more with many lines) no longer
  // takes most of a page or spills into overflow pages, and the indexes are shallower. Measured on bench/import.ts
  // (SQLite): writer CPU 28.0-30.6 -> 25.1-25.3 µs per invoice (8 KiB pages about halfway). The price is on small
  // transactions, which write whole pages to the WAL: one update and one insert per commit on a 100,000-row file cost
  // 114-123 µs CPU with 4 KiB pages, 149-227 with 16 KiB (130-135 with 8 KiB), still little next to a delivery's
  // rendering and signing.
  database.pragma(`page_size = ${PAGE_SIZE}`);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.defaultSafeIntegers(true);
  return new FacteurSqliteDialect(database);
}
