import type { Insertable, Selectable } from "kysely";
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_KINDS,
  AUDIT_ENTITY_TYPES,
  type AuditRecord,
} from "../../core/audit/audit-entry.ts";
import type { SealedAuditRecord } from "../../core/audit/audit-hash.ts";
import type { JsonValue } from "../../core/audit/json-value.ts";
import { AppError } from "../../core/errors/app-error.ts";
import { fromDbCode, fromDbInstant, toSafeNumber } from "../db-values.ts";
import type { AuditLogTable } from "../tables/audit-log.ts";

/** An `audit_log` row exactly as stored: no parsing, so verification sees every byte. */
export function sealedFromRow(row: Selectable<AuditLogTable>): SealedAuditRecord {
  return {
    seq: toSafeNumber(row.seq, "audit_log.seq"),
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    field: row.field,
    action: row.action,
    oldValue: row.old_value,
    newValue: row.new_value,
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The `audit_log` row for a sealed record. */
export function sealedToRow(record: SealedAuditRecord): Insertable<AuditLogTable> {
  return {
    seq: record.seq,
    at: record.at,
    actor_kind: record.actorKind,
    actor_id: record.actorId,
    entity_type: record.entityType,
    entity_id: record.entityId,
    field: record.field,
    action: record.action,
    old_value: record.oldValue,
    new_value: record.newValue,
    reason: record.reason,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** A stored record as the domain reads it: typed codes, a Date, parsed values. A damaged row is an AppError. */
export function recordFromSealed(sealed: SealedAuditRecord): AuditRecord {
  const where = `audit_log seq ${sealed.seq}`;
  return {
    seq: sealed.seq,
    at: fromDbInstant(sealed.at, `${where} at`),
    actor: {
      kind: fromDbCode(sealed.actorKind, AUDIT_ACTOR_KINDS, `${where} actor_kind`),
      id: sealed.actorId,
    },
    entity: {
      type: fromDbCode(sealed.entityType, AUDIT_ENTITY_TYPES, `${where} entity_type`),
      id: sealed.entityId,
    },
    field: sealed.field,
    action: fromDbCode(sealed.action, AUDIT_ACTIONS, `${where} action`),
    oldValue: parseStoredJson(sealed.oldValue, `${where} old_value`),
    newValue: parseStoredJson(sealed.newValue, `${where} new_value`),
    reason: sealed.reason,
    prevHash: sealed.prevHash,
    hash: sealed.hash,
  };
}

function parseStoredJson(text: string | null, column: string): JsonValue {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("integrity-violation", `${column} is not valid JSON`, [], { cause: error });
  }
}
