import type BetterSqlite3 from "better-sqlite3";

const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The prepared statement for `text` on `handle`, prepared once per open database. Bulk writes run one small statement
 * per row: SQLite compiles it once, and each run only binds and steps, which is several times cheaper than compiling a
 * large multi-row INSERT per chunk. The set of texts is fixed by the code, so the cache stays small.
 */
export function preparedStatement(handle: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = cache.get(handle);
  if (statements === undefined) {
    statements = new Map();
    cache.set(handle, statements);
  }
  let statement = statements.get(text);
  if (statement === undefined) {
    statement = handle.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
