import { PostgresDialect } from "kysely";
import pg from "pg";

/** Schema names facteur accepts: plain identifiers, so they need no quoting in `search_path`. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Type parsers for this pool only (not pg's process-wide defaults, which other code may rely on): int8 is parsed to a
 * bigint instead of a string, so amounts and sequence numbers keep every digit.
 */
function bigintTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (value: string) => BigInt(value));
  return types;
}

/**
 * A Kysely dialect over a pg pool on `url`. With `schema`, every connection starts with `search_path` set to that
 * schema (which must exist), so unqualified table names resolve there: tests and tenants can share one database.
 */
export function createPostgresDialect(url: string, schema?: string): PostgresDialect {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `PostgreSQL schema name "${schema}" must be a plain identifier (letters, digits, _)`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    types: bigintTypes(),
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client whose connection drops emits "error" on the pool; unhandled, that event would end the process.
  // The pool discards the client and the next query opens a new connection, so there is nothing else to do here.
  pool.on("error", () => {});
  return new PostgresDialect({ pool });
}
