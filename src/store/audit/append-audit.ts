import { hash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { AuditEntry, AuditRecord } from "../../core/audit/audit-entry.ts";
import {
  auditTextTail,
  type EncodedAuditBatch,
  GENESIS_HASH,
  type SealedAuditRecord,
  sealAuditEntry,
} from "../../core/audit/audit-hash.ts";
import type { Database } from "../database.ts";
import { toSafeNumber } from "../db-values.ts";
import { dialectOf } from "../dialect-of.ts";
import { type AuditValue, insertAuditRows, insertAuditValues } from "./insert-audit-rows.ts";

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
  let { seq, prevHash } = await chainHead(trx);
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

/**
 * Appends an import's records (see {@link EncodedAuditBatch}) after the head of the chain, as {@link appendAudit}
 * does, with the same hashes: each is the SHA-256 of the entry's text head, given, and its tail. The values are
 * bound column by column, with no record object per entry.
 */
export async function appendAuditBatch(trx: Transaction<Database>, batch: EncodedAuditBatch): Promise<void> {
  const count = batch.heads.length;
  if (count === 0) return;
  let { seq, prevHash } = await chainHead(trx);
  const { shared } = batch;
  const values: AuditValue[] = [];
  for (let i = 0; i < count; i++) {
    seq += 1;
    const hashed = hash("sha256", batch.heads[i] + auditTextTail(prevHash, shared.reason, seq), "hex");
    values.push(
      seq,
      shared.at,
      shared.actorKind,
      shared.actorId,
      shared.entityType,
      batch.entityIds[i] ?? null,
      shared.field,
      shared.action,
      shared.oldValue,
      batch.newValues[i] ?? null,
      shared.reason,
      prevHash,
      hashed,
    );
    prevHash = hashed;
  }
  await insertAuditValues(trx, values);
}

/**
 * The head of the chain, once this transaction may append after it: on PostgreSQL a transaction-scoped advisory
 * lock (per schema) is taken first and held until commit.
 */
async function chainHead(trx: Transaction<Database>): Promise<{ seq: number; prevHash: string }> {
  if (!trx.isTransaction) throw new TypeError("appendAudit must run inside a transaction");
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
  return head === undefined
    ? { seq: 0, prevHash: GENESIS_HASH }
    : { seq: toSafeNumber(head.seq, "audit_log.seq"), prevHash: head.hash };
}
