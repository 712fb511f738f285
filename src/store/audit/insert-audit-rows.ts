import { sql, type Transaction } from "kysely";
import type { SealedAuditRecord } from "../../core/audit/audit-hash.ts";
import type { Database } from "../database.ts";
import { insertRows, oneRowInsert } from "../prepared-statements.ts";
import { sqliteHandleOf } from "../sqlite-dialect.ts";
import type { sealedToRow } from "./audit-mapper.ts";

type AuditRow = ReturnType<typeof sealedToRow>;

/** The columns and their PostgreSQL types, for the json_to_recordset() that turns a JSON array into rows. */
const COLUMNS: readonly (readonly [keyof AuditRow, "text" | "int8"])[] = [
  ["seq", "int8"],
  ["at", "text"],
  ["actor_kind", "text"],
  ["actor_id", "text"],
  ["entity_type", "text"],
  ["entity_id", "text"],
  ["field", "text"],
  ["action", "text"],
  ["old_value", "text"],
  ["new_value", "text"],
  ["reason", "text"],
  ["prev_hash", "text"],
  ["hash", "text"],
];
const NAMES = COLUMNS.map(([name]) => name).join(", ");
const TYPED = COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
const SQLITE_INSERT = oneRowInsert(
  "audit_log",
  COLUMNS.map(([name]) => name),
);

/**
 * Rows per statement on PostgreSQL: bounds the size of one message whatever the number of records appended, and keeps
 * its JSON text (some 110 KB) small enough for V8 to allocate as an ordinary young string (see insert-invoice-rows).
 */
const ROWS_PER_INSERT = 250;

/** One bound value of an `audit_log` row. */
export type AuditValue = string | number | null;
const WIDTH = COLUMNS.length;

/** Writes sealed records inside `trx` (see {@link insertAuditValues}). */
export async function insertAuditRows(
  trx: Transaction<Database>,
  sealed: readonly SealedAuditRecord[],
): Promise<void> {
  await insertAuditValues(trx, sealed.flatMap(boundValues));
}

/**
 * Writes rows given as their values in {@link COLUMNS} order, row after row, inside `trx`: a cached one-row statement
 * on SQLite, bound straight from the values (see insertRows), one statement per 250 rows on PostgreSQL (the rows as
 * one JSON parameter), so that an import's audit trail costs no query building per record.
 */
export async function insertAuditValues(
  trx: Transaction<Database>,
  values: readonly AuditValue[],
): Promise<void> {
  const count = values.length / WIDTH;
  const handle = sqliteHandleOf(trx);
  if (handle !== undefined) {
    insertRows(handle, SQLITE_INSERT, WIDTH, values);
    return;
  }
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const rows = [];
    for (let r = start; r < Math.min(count, start + ROWS_PER_INSERT); r++) {
      const row: Record<string, AuditValue> = {};
      for (const [c, [name]] of COLUMNS.entries()) row[name] = values[r * WIDTH + c] ?? null;
      // json_to_recordset reads int8 from text exactly.
      row.seq = String(row.seq);
      rows.push(row);
    }
    await sql`insert into audit_log (${sql.raw(NAMES)})
      select ${sql.raw(NAMES)} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(TYPED)})`.execute(
      trx,
    );
  }
}

/** A record's values in {@link COLUMNS} order. */
function boundValues(r: SealedAuditRecord): AuditValue[] {
  return [
    r.seq,
    r.at,
    r.actorKind,
    r.actorId,
    r.entityType,
    r.entityId,
    r.field,
    r.action,
    r.oldValue,
    r.newValue,
    r.reason,
    r.prevHash,
    r.hash,
  ];
}
