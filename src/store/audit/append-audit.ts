import { sql, type Transaction } from "kysely";
import type { AuditEntry, AuditRecord } from "../../core/audit/audit-entry.ts";
import {
  type EncodedAuditEntry,
  encodeAuditEntry,
  GENESIS_HASH,
  type SealedAuditRecord,
  sealEncodedAuditEntry,
} from "../../core/audit/audit-hash.ts";
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
  const sealed = await appendEncodedAudit(trx, entries.map(encodeAuditEntry));
  return entries.map((entry, i) => {
    const { seq, prevHash, hash } = sealed[i] as SealedAuditRecord;
    return { ...entry, seq, prevHash, hash };
  });
}

/**
 * Appends entries already in their stored form (see {@link appendAudit}), as imports send them from the thread that
 * validates the invoices; returns the sealed records.
 */
export async function appendEncodedAudit(
  trx: Transaction<Database>,
  entries: readonly EncodedAuditEntry[],
): Promise<SealedAuditRecord[]> {
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
  for (const entry of entries) {
    seq += 1;
    const record = sealEncodedAuditEntry(entry, seq, prevHash);
    sealed.push(record);
    prevHash = record.hash;
  }
  await insertAuditRows(trx, sealed);
  return sealed;
}
