import { type Dialect, Kysely } from "kysely";
import type { Database } from "./database.ts";
import { createPostgresDialect } from "./postgres-dialect.ts";
import { createSqliteDialect } from "./sqlite-dialect.ts";

/** Where facteur keeps its data: an embedded SQLite file, or a PostgreSQL database (optionally one schema of it). */
export type DatabaseOptions =
  | { readonly kind: "sqlite"; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string; readonly schema?: string };

/** The storage engines facteur runs on. */
export type DialectName = "sqlite" | "postgres";

/** An open database: the typed query builder, which engine it runs on, and how to close it. */
export interface FacteurDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Closes the SQLite file or ends the PostgreSQL pool; the handle is unusable afterwards. */
  destroy(): Promise<void>;
}

/**
 * Opens the database described by `options`. Portable column conventions, the same on both engines:
 * - integers (money in minor units, sequence numbers, counts) are `bigint` columns and read as JS bigint
 *   (better-sqlite3 safe integers; pg int8 parser), so values above 2^53 round-trip exactly;
 * - instants are ISO-8601 UTC text of fixed width (`2026-01-31T09:15:00.000Z`): readable in both SQL shells, ordered
 *   correctly by plain text comparison, and the exact string the audit hash covers, with no driver turning it into a
 *   local-time Date on the way;
 * - booleans are integers 0/1 (SQLite has no boolean type and better-sqlite3 refuses JS booleans as parameters).
 * Nothing is read from the environment: the caller passes the URL.
 */
export function createDatabase(options: DatabaseOptions): FacteurDatabase {
  const dialect: Dialect =
    options.kind === "sqlite"
      ? createSqliteDialect(options.file)
      : createPostgresDialect(options.url, options.schema);
  const db = new Kysely<Database>({ dialect });
  return { db, dialect: options.kind, destroy: () => db.destroy() };
}
