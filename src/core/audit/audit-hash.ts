import { hash } from "node:crypto";
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

/** An entry in its stored form (instant and values as text), before it has a place in the chain. */
export type EncodedAuditEntry = Omit<SealedAuditRecord, "seq" | "prevHash" | "hash">;

/**
 * Entries alike but for the entity and the new value, as an import appends them (one creation record per invoice),
 * column by column: no object per entry for the writer to build.
 */
export interface EncodedAuditBatch {
  /** The fields every entry shares. */
  readonly shared: Omit<EncodedAuditEntry, "entityId" | "newValue">;
  readonly entityIds: readonly string[];
  readonly newValues: readonly (string | null)[];
  /** The {@link auditTextHead} of each entry, computed where the entries were encoded. */
  readonly heads: readonly string[];
}

/** The stored form of `entry`: the instant as ISO-8601 UTC text, the old and new values as canonical JSON text. */
export function encodeAuditEntry(entry: AuditEntry): EncodedAuditEntry {
  return {
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
  };
}

/** Gives `entry` its place in the chain: its sequence number, the hash of the record before it, and its own hash. */
export function sealAuditEntry(entry: AuditEntry, seq: number, prevHash: string): SealedAuditRecord {
  const unsealed = { seq, ...encodeAuditEntry(entry), prevHash };
  return { ...unsealed, hash: hashAuditRecord(unsealed) };
}

/** A JSON string, or null: what every text field of a sealed record is. Anything else is a damaged record. */
function text(value: string | null, name: string): string {
  if (value === null) return "null";
  if (typeof value !== "string") throw new TypeError(`audit record ${name} is not text`);
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of the canonical JSON of every field of the record but its own hash, `prevHash` included, so that each
 * record vouches for all the records before it. Absent values are explicit nulls, so "no reason" and a missing key
 * cannot hash alike. The `v` member names this layout: a future layout can be told apart from this one.
 *
 * The layout is fixed, so its canonical form (RFC 8785: keys sorted by UTF-16 code units, no whitespace) is written
 * directly with the keys already in that order, rather than built as an object and sorted: imports seal one record
 * per invoice, and the generic path cost three times as much. The test suite checks both give the same text.
 */
export function hashAuditRecord(record: Omit<SealedAuditRecord, "hash">): string {
  // The one-shot hash() skips the Hash object that createHash() builds: a third cheaper on texts this short.
  return hash("sha256", canonicalAuditText(record), "hex");
}

/** The canonical JSON text that {@link hashAuditRecord} hashes. */
export function canonicalAuditText(record: Omit<SealedAuditRecord, "hash">): string {
  return auditTextHead(record) + auditTextTail(record.prevHash, record.reason, record.seq);
}

/** The fields entries alike but for their entity and new value share: an import's creation records. */
export type SharedAuditFields = Omit<EncodedAuditEntry, "entityId" | "newValue">;

/** The text of the shared fields of a head: up to the entity id, then from it up to the new value, then after it. */
interface SharedHead {
  readonly fields: SharedAuditFields;
  readonly beforeId: string;
  readonly beforeNewValue: string;
  readonly afterNewValue: string;
}

/**
 * The shared parts of the last head written: an import writes one head per invoice, all alike but for the entity id
 * and the new value, and writing the seven other fields each time was half of the head's cost.
 */
let lastShared: SharedHead | undefined;

function sharedHead(fields: SharedAuditFields): SharedHead {
  const last = lastShared;
  if (
    last !== undefined &&
    last.fields.at === fields.at &&
    last.fields.actorKind === fields.actorKind &&
    last.fields.actorId === fields.actorId &&
    last.fields.entityType === fields.entityType &&
    last.fields.field === fields.field &&
    last.fields.action === fields.action &&
    last.fields.oldValue === fields.oldValue
  )
    return last;
  const shared: SharedHead = {
    // A copy: the caller's object could change after this call.
    fields: {
      at: fields.at,
      actorKind: fields.actorKind,
      actorId: fields.actorId,
      entityType: fields.entityType,
      field: fields.field,
      action: fields.action,
      oldValue: fields.oldValue,
      reason: fields.reason,
    },
    beforeId:
      `{"action":${text(fields.action, "action")},` +
      `"actor":{"id":${text(fields.actorId, "actorId")},"kind":${text(fields.actorKind, "actorKind")}},` +
      `"at":${text(fields.at, "at")},` +
      `"entity":{"id":`,
    beforeNewValue: `,"type":${text(fields.entityType, "entityType")}},"field":${text(fields.field, "field")},"newValue":`,
    afterNewValue: `,"oldValue":${text(fields.oldValue, "oldValue")},`,
  };
  lastShared = shared;
  return shared;
}

/**
 * The canonical text of an entry up to its place in the chain: everything before `prevHash`, which the keys' order
 * puts last but for `reason`, `seq` and `v`. An import computes it where it validates the invoices (another thread),
 * so that the writer only adds the tail ({@link auditTextTail}) and hashes.
 */
export function auditTextHead(entry: EncodedAuditEntry): string {
  return auditTextHeadOf(entry, entry.entityId, entry.newValue);
}

/**
 * {@link auditTextHead} of the entry made of `shared`, `entityId` and `newValue`, without making it: on Node 20 an
 * object literal that spreads one and adds properties (`{ ...shared, entityId, newValue }`) costs about 0.8 to 1.9 µs
 * in a micro-benchmark, as much as the head itself.
 */
export function auditTextHeadOf(
  shared: SharedAuditFields,
  entityId: string,
  newValue: string | null,
): string {
  const head = sharedHead(shared);
  return (
    head.beforeId +
    text(entityId, "entityId") +
    head.beforeNewValue +
    text(newValue, "newValue") +
    head.afterNewValue
  );
}

/** The rest of the canonical text after {@link auditTextHead}: the place in the chain, the reason, the layout. */
export function auditTextTail(prevHash: string, reason: string | null, seq: number): string {
  return `"prevHash":${text(prevHash, "prevHash")},"reason":${text(reason, "reason")},"seq":${canonicalJson(seq)},"v":1}`;
}
