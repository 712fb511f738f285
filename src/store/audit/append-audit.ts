import { sql, type Transaction } from "kysely";
import type { AuditEntry, AuditRecord } from "../../core/audit/audit-entry.ts";
import { GENESIS_HASH, type SealedAuditRecord, sealAuditEntry } from "../../core/audit/audit-hash.ts";
import type { Database } from "../database.ts";
import { toSafeNumber } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { insertAuditRows } from "./insert-audit-rows.ts";

/** First key of the PostgreSQL advisory lock that serialises appends ("fact" in ASCII); the second is the schema. */
const AUDIT_LOCK_CLASS = 0x66616374;

/**
 * Appends `entries`, in order, after the head of the audit chain, inside the caller's transaction so that they commit
 * or roll back with the change they record. Appenders take turns: on PostgreSQL a transaction-scoped advisory lock
 * (per schema) is held until commit, and each statement at READ COMMITTED then sees the head the previous holder
 * committed; SQLite transactions begin IMMEDIATE and so already run one at a time. The unique `prev_hash` column
 * turns any race that slipped through into an error rather than a fork.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  entries: readonly AuditEntry[],
): Promise<AuditRecord[]> {
  if (!trx.isTransaction) throw new TypeError("appendAudit must run inside a transaction");
  if (entries.length === 0) return [];
  if (dialectOf(trx) === "postgres") {
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_CLASS)}, hashtext(current_schema()))`.execute(
      trx,
    );
  }
  const head = await trx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = head === undefined ? 0 : toSafeNumber(head.seq, "audit_log.seq");
  let prevHash = head === undefined ? GENESIS_HASH : head.hash;
  const sealed: SealedAuditRecord[] = [];
  const records: AuditRecord[] = [];
  for (const entry of entries) {
    seq += 1;
    const record = sealAuditEntry(entry, seq, prevHash);
    sealed.push(record);
    records.push({ ...entry, seq, prevHash, hash: record.hash });
    prevHash = record.hash;
  }
  await insertAuditRows(trx, sealed);
  return records;
}
