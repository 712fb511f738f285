import type { AuditActor, AuditEntity, AuditEntry } from "./audit-entry.ts";
import type { AuditedFields, FieldChange } from "./field-diff.ts";

/** When, by whom and why a set of changes was made: shared by every entry that one operation appends. */
export interface AuditContext {
  readonly at: Date;
  readonly actor: AuditActor;
  readonly reason: string | null;
}

/** The entry recording that `entity` was created with the audited fields `snapshot`. */
export function creationEntry(
  context: AuditContext,
  entity: AuditEntity,
  snapshot: AuditedFields,
): AuditEntry {
  return { ...context, entity, field: null, action: "create", oldValue: null, newValue: snapshot };
}

/**
 * One entry per changed field of `entity`. A change of the `status` field is recorded with the action `status`, so that
 * a timeline can tell suspensions and removals apart from edits.
 */
export function changeEntries(
  context: AuditContext,
  entity: AuditEntity,
  changes: readonly FieldChange[],
): AuditEntry[] {
  return changes.map((change) => ({
    ...context,
    entity,
    field: change.field,
    action: change.field === "status" ? "status" : "update",
    oldValue: change.oldValue,
    newValue: change.newValue,
  }));
}
