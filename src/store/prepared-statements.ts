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

/** A bulk INSERT on SQLite, its texts built once: for a full chunk of rows, and for one row. */
export interface ChunkedInsert {
  readonly many: string;
  readonly one: string;
  /** Values per row. */
  readonly width: number;
  /** Rows bound by one call into the driver; the rows left over go one by one. */
  readonly rowsPerStatement: number;
}

/** The {@link ChunkedInsert} into `table` of `columns`, `rowsPerStatement` rows a call, each text ending in `tail`. */
export function chunkedInsert(
  table: string,
  columns: readonly string[],
  rowsPerStatement: number,
  tail = "",
): ChunkedInsert {
  const row = `(${columns.map(() => "?").join(", ")})`;
  const text = (rows: number) =>
    `insert into ${table} (${columns.join(", ")}) values ${Array(rows).fill(row).join(", ")}${tail ? ` ${tail}` : ""}`;
  return { many: text(rowsPerStatement), one: text(1), width: columns.length, rowsPerStatement };
}

/**
 * Inserts `values` (rows of `insert.width` values, row after row) with cached prepared statements: a full chunk of
 * `rowsPerStatement` rows in one call into the driver (a statement per row crossed into it once per row, and a
 * statement compiled per chunk cost more than SQLite's own work), the rest row by row with the one-row statement.
 * `onChunk` hears each chunk's first row, its row count and values, and the rows it inserted.
 */
export function insertInChunks<V>(
  handle: BetterSqlite3.Database,
  insert: ChunkedInsert,
  values: readonly V[],
  onChunk?: (start: number, rows: number, chunk: readonly V[], changes: number) => void,
): void {
  const { width, rowsPerStatement } = insert;
  const many = preparedStatement(handle, insert.many);
  const one = preparedStatement(handle, insert.one);
  const count = values.length / width;
  for (let start = 0; start < count; start += rowsPerStatement) {
    const rows = Math.min(rowsPerStatement, count - start);
    const chunk = values.slice(start * width, (start + rows) * width);
    let changes = 0;
    if (rows === rowsPerStatement) changes = many.run(chunk).changes;
    else for (let r = 0; r < rows; r++) changes += one.run(chunk.slice(r * width, (r + 1) * width)).changes;
    onChunk?.(start, rows, chunk, changes);
  }
}
