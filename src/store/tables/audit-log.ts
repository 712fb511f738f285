import type { IntegerColumn } from "./integer-column.ts";

/** Row of `audit_log`: one appended change. Append-only: triggers refuse UPDATE and DELETE. */
export interface AuditLogTable {
  /** Position in the chain, from 1, without gaps. */
  seq: IntegerColumn;
  /** ISO-8601 UTC instant of the change, as passed in by the caller. */
  at: string;
  actor_kind: string;
  actor_id: string;
  entity_type: string;
  entity_id: string;
  /** Dotted field path; null for changes to a whole entity. */
  field: string | null;
  action: string;
  /** Canonical JSON text of the value before the change, or null. Text, not jsonb: the hash covers these bytes. */
  old_value: string | null;
  /** Canonical JSON text of the value after the change, or null. */
  new_value: string | null;
  reason: string | null;
  /** Hash of the record before this one (64 zeros for the first). */
  prev_hash: string;
  /** SHA-256 (hex) of this record, see src/core/audit/audit-hash.ts. */
  hash: string;
}
