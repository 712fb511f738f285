import { createHash } from "node:crypto";
import type { AuditEntry } from "./audit-entry.ts";
import { canonicalJson } from "./json-value.ts";

/** The `prevHash` of the first record: there is nothing before it. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * An audit record exactly as it is stored: the time as ISO-8601 UTC text, the old and new values as canonical JSON
 * text. The hash covers this form, so verifying the chain needs no parsing and notices a change of any byte.
 */
export interface SealedAuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly actorKind: string;
  readonly actorId: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly field: string | null;
  readonly action: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** Gives `entry` its place in the chain: its sequence number, the hash of the record before it, and its own hash. */
export function sealAuditEntry(entry: AuditEntry, seq: number, prevHash: string): SealedAuditRecord {
  const unsealed = {
    seq,
    at: entry.at.toISOString(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    entityType: entry.entity.type,
    entityId: entry.entity.id,
    field: entry.field,
    action: entry.action,
    oldValue: entry.oldValue === null ? null : canonicalJson(entry.oldValue),
    newValue: entry.newValue === null ? null : canonicalJson(entry.newValue),
    reason: entry.reason,
    prevHash,
  };
  return { ...unsealed, hash: hashAuditRecord(unsealed) };
}

/**
 * SHA-256 (hex) of the canonical JSON of every field of the record but its own hash, `prevHash` included, so that each
 * record vouches for all the records before it. Absent values are explicit nulls, so "no reason" and a missing key
 * cannot hash alike. The `v` member names this layout: a future layout can be told apart from this one.
 */
export function hashAuditRecord(record: Omit<SealedAuditRecord, "hash">): string {
  const canonical = canonicalJson({
    v: 1,
    seq: record.seq,
    at: record.at,
    actor: { kind: record.actorKind, id: record.actorId },
    entity: { type: record.entityType, id: record.entityId },
    field: record.field,
    action: record.action,
    oldValue: record.oldValue,
    newValue: record.newValue,
    reason: record.reason,
    prevHash: record.prevHash,
  });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
